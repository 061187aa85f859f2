// Correct chaining.
class Animal {
  constructor(public name: string) {}
}

// Work before super() that does not touch this.
export class Validated extends Animal {
  constructor(name: string) {
    if (!name) throw new Error('name required');
    const clean = name.trim();
    super(clean);
  }
}
