// Small classes that are justified.
export class Point {
  constructor(public x: number, public y: number) {}
  norm() {
    return Math.hypot(this.x, this.y);
  }
}

export class Counter {
  private n = 0;
  next() {
    return ++this.n;
  }
}

export class Calculator {
  add(a: number, b: number) {
    return a + b;
  }
  sub(a: number, b: number) {
    return a - b;
  }
}

// Subclass specialising one method.
class Base {
  run() {
    return 1;
  }
  stop() {}
}
export class Fast extends Base {
  run() {
    return 2;
  }
}

// Implements an interface (strategy object).
interface Strategy {
  apply(x: number): number;
}
export class Doubler implements Strategy {
  apply(x: number) {
    return x * 2;
  }
}

// Error subclasses are classes by necessity.
export class NotFound extends Error {}

// Decorated classes are framework components.
declare function Component(o: object): ClassDecorator;
@Component({ selector: 'x' })
export class Widget {
  render() {
    return '';
  }
}

// Only statics: static-only-class territory, not lazy.
export class Utils {
  static pad(s: string) {
    return s.padStart(2);
  }
}

// Abstract base.
export abstract class Handler {
  abstract handle(x: string): void;
}
