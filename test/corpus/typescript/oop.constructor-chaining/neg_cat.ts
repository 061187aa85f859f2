// Correct chaining.
class Animal {
  constructor(public name: string) {}
}

// No constructor: the default one chains.
export class Cat extends Animal {}
