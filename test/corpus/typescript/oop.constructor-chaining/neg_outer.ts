// Correct chaining.
class Animal {
  constructor(public name: string) {}
}

// Nested class inside a constructor has its own super.
export class Outer extends Animal {
  constructor() {
    super('o');
    class Inner extends Animal {
      constructor() {
        super('i');
      }
    }
    new Inner();
  }
}
