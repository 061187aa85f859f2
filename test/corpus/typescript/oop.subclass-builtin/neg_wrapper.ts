export class Wrapper<T> {
  private items: T[] = [];
  push(x: T) {
    this.items.push(x);
  }
}
