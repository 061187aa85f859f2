export class DefaultMap<K, V> extends Map<K, V> { // expect: oop.subclass-builtin
  constructor(private make: () => V) {
    super();
  }
  get(key: K): V {
    if (!this.has(key)) this.set(key, this.make());
    return super.get(key)!;
  }
}
