// Subclass constructors that break the chain to the parent.
class Animal {
  constructor(public name: string) {}
}

export class SuperMemberFirst extends Animal {
  constructor(name: string) {
    super.toString(); // expect: oop.constructor-chaining
    super(name);
  }
}
