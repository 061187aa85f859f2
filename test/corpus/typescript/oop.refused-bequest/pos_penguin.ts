// Overrides that refuse a method the parent implements.
class Bird {
  fly() {
    return 'flying';
  }
  eat() {
    return 'eating';
  }
}

export class Penguin extends Bird {
  fly(): string { // expect: oop.refused-bequest
    throw new Error('Penguins cannot fly');
  }
}
