// Delegations that change something.
class Base {
  constructor(public name: string, public age = 0) {}
  greet(prefix: string) {
    return `${prefix} ${this.name}`;
  }
}

export class Changed extends Base {
  greet(prefix: string) {
    return super.greet(prefix.toUpperCase());
  }
}

// Decorated parameter (dependency injection).
declare function Inject(token: string): ParameterDecorator;
