// Delegations that change something.
class Base {
  constructor(public name: string, public age = 0) {}
  greet(prefix: string) {
    return `${prefix} ${this.name}`;
  }
}

export class Reordered extends Base {
  constructor(age: number, name: string) {
    super(name, age);
  }
}

// Decorated parameter (dependency injection).
declare function Inject(token: string): ParameterDecorator;
