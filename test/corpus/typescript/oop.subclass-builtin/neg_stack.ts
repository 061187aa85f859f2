// Subclasses that add behaviour without overriding built-in methods, or non-collection built-ins.
export class Stack<T> extends Array<T> {
  peek() {
    return this[this.length - 1];
  }
}
