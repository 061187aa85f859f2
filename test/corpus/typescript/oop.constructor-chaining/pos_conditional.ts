// Subclass constructors that break the chain to the parent.
class Animal {
  constructor(public name: string) {}
}

export class Conditional extends Animal {
  constructor(name: string, ok: boolean) { // expect: oop.constructor-chaining
    if (ok) {
      super(name);
    }
  }
}
