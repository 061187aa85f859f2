// Members that only forward to the parent unchanged.
class Base {
  constructor(public name: string, public age: number) {}
  greet(prefix: string) {
    return `${prefix} ${this.name}`;
  }
  describe() {
    return this.name;
  }
}

export class Child extends Base {
  constructor(name: string, age: number) { // expect: oop.useless-super-delegation
    super(name, age);
  }
  greet(prefix: string) { // expect: oop.useless-super-delegation
    return super.greet(prefix);
  }
}
