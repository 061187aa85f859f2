// Delegations that change something.
class Base {
  constructor(public name: string, public age = 0) {}
  greet(prefix: string) {
    return `${prefix} ${this.name}`;
  }
}

// Decorated parameter (dependency injection).
declare function Inject(token: string): ParameterDecorator;

// Overload signatures narrow the public type.
export class Narrowed extends Base {
  constructor(name: string, age: number);
  constructor(name: string, age: number) {
    super(name, age);
  }
}
