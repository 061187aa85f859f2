// Built-in collections subclassed with overrides the built-in's own methods bypass.
export class LoggedArray<T> extends Array<T> { // expect: oop.subclass-builtin
  push(...items: T[]): number {
    console.log('push', items);
    return super.push(...items);
  }
}
