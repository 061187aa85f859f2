// Delegations that change something.
class Base {
  constructor(public name: string, public age = 0) {}
  greet(prefix: string) {
    return `${prefix} ${this.name}`;
  }
}

export class Defaults extends Base {
  constructor(name: string) {
    super(name, 18);
  }
}

// Decorated parameter (dependency injection).
declare function Inject(token: string): ParameterDecorator;
