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
