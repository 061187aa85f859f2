// Subclasses that add behaviour without overriding built-in methods, or non-collection built-ins.
export class Stack<T> extends Array<T> {
  peek() {
    return this[this.length - 1];
  }
}

export class AppError extends Error {
  constructor(message: string, public code: number) {
    super(message);
  }
  toString() {
    return `${this.code}: ${this.message}`;
  }
}

export class Wrapper<T> {
  private items: T[] = [];
  push(x: T) {
    this.items.push(x);
  }
}

export class Emitter extends EventTarget {
  dispatchEvent(e: Event) {
    console.log(e.type);
    return super.dispatchEvent(e);
  }
}
