// Correct chaining.
class Animal {
  constructor(public name: string) {}
}

export class Dog extends Animal {
  constructor(name: string) {
    super(name);
    console.log(this.name);
  }
}
