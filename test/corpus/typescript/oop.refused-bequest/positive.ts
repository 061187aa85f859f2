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

class Collection<T> {
  protected items: T[] = [];
  add(x: T) {
    this.items.push(x);
  }
  remove(x: T) {
    this.items = this.items.filter((i) => i !== x);
  }
}

export class ReadOnlyCollection<T> extends Collection<T> {
  add(_x: T): void { // expect: oop.refused-bequest
    throw new Error('not supported');
  }
  remove(_x: T): never { // expect: oop.refused-bequest
    throw new TypeError('Operation not supported: read-only');
  }
}
