// Correct chaining.
class Animal {
  constructor(public name: string) {}
}

// Throwing constructor never completes.
export class Forbidden extends Animal {
  constructor() {
    throw new Error('use create()');
  }
}
