// Correct chaining.
class Animal {
  constructor(public name: string) {}
}

// Arrow functions before super that reference this are only called later.
export class Deferred extends Animal {
  constructor(name: string) {
    const later = () => this.name;
    super(name);
    later();
  }
}
