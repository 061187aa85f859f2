// Delegations that change something.
class Base {
  constructor(public name: string, public age = 0) {}
  greet(prefix: string) {
    return `${prefix} ${this.name}`;
  }
}

// Visibility changes are meaningful.
export class Hidden extends Base {
  protected constructor(name: string, age: number) {
    super(name, age);
  }
}

// Decorated parameter (dependency injection).
declare function Inject(token: string): ParameterDecorator;
