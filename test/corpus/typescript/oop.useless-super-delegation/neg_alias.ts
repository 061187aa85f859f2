// Delegations that change something.
class Base {
  constructor(public name: string, public age = 0) {}
  greet(prefix: string) {
    return `${prefix} ${this.name}`;
  }
}

// Decorated parameter (dependency injection).
declare function Inject(token: string): ParameterDecorator;

// Calls a different parent method.
export class Alias extends Base {
  hello(prefix: string) {
    return super.greet(prefix);
  }
}
