// Subclass constructors that break the chain to the parent.
class Animal {
  constructor(public name: string) {}
}

export class Dog extends Animal {
  constructor(name: string) { // expect: oop.constructor-chaining
    console.log('woof');
  }
}
