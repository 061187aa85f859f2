// Correct chaining.
class Animal {
  constructor(public name: string) {}
}

// Both branches call super.
export class Branches extends Animal {
  constructor(name: string | null) {
    if (name) {
      super(name);
    } else {
      super('anon');
    }
  }
}
