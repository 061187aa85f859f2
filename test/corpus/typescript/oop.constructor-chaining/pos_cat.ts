// Subclass constructors that break the chain to the parent.
class Animal {
  constructor(public name: string) {}
}

export class Cat extends Animal {
  constructor(name: string) {
    this.purr(); // expect: oop.constructor-chaining
    super(name);
  }
  purr() {}
}
