// Built-in collections subclassed with overrides the built-in's own methods bypass.
export class LoggedArray<T> extends Array<T> { // expect: oop.subclass-builtin
  push(...items: T[]): number {
    console.log('push', items);
    return super.push(...items);
  }
}

export class DefaultMap<K, V> extends Map<K, V> { // expect: oop.subclass-builtin
  constructor(private make: () => V) {
    super();
  }
  get(key: K): V {
    if (!this.has(key)) this.set(key, this.make());
    return super.get(key)!;
  }
}

export class UpperSet extends Set<string> { // expect: oop.subclass-builtin
  add(value: string) {
    return super.add(value.toUpperCase());
  }
}
