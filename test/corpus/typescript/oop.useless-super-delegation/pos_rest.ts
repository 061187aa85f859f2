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

export class Rest extends Base {
  constructor(...args: [string, number]) { // expect: oop.useless-super-delegation
    super(...args);
  }
  describe() { // expect: oop.useless-super-delegation
    return super.describe();
  }
}
