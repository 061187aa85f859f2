// Delegations that change something.
class Base {
  constructor(public name: string, public age = 0) {}
  greet(prefix: string) {
    return `${prefix} ${this.name}`;
  }
}

// Decorated parameter (dependency injection).
declare function Inject(token: string): ParameterDecorator;

export class Injected extends Base {
  constructor(@Inject('NAME') name: string, age: number) {
    super(name, age);
  }
}
