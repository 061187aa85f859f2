// Delegations that change something.
class Base {
  constructor(public name: string, public age = 0) {}
  greet(prefix: string) {
    return `${prefix} ${this.name}`;
  }
}

export class Extra extends Base {
  greet(prefix: string) {
    console.log('greeting');
    return super.greet(prefix);
  }
}

// Decorated parameter (dependency injection).
declare function Inject(token: string): ParameterDecorator;
