// Delegations that change something.
class Base {
  constructor(public name: string, public age = 0) {}
  greet(prefix: string) {
    return `${prefix} ${this.name}`;
  }
}

// Default parameter values differ from the parent's.
export class DefaultArg extends Base {
  greet(prefix = 'Hi') {
    return super.greet(prefix);
  }
}

// Decorated parameter (dependency injection).
declare function Inject(token: string): ParameterDecorator;
