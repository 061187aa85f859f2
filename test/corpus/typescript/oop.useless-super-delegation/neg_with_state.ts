// Delegations that change something.
class Base {
  constructor(public name: string, public age = 0) {}
  greet(prefix: string) {
    return `${prefix} ${this.name}`;
  }
}

// Parameter properties add state.
export class WithState extends Base {
  constructor(name: string, age: number, private tag: string) {
    super(name, age);
  }
}

// Decorated parameter (dependency injection).
declare function Inject(token: string): ParameterDecorator;
