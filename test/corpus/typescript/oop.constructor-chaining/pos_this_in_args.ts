// Subclass constructors that break the chain to the parent.
class Animal {
  constructor(public name: string) {}
}

export class ThisInArgs extends Animal {
  prefix = 'x';
  constructor(name: string) {
    super(this.prefix + name); // expect: oop.constructor-chaining
  }
}
