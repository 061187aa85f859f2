// Small classes that are justified.
export class Point {
  constructor(public x: number, public y: number) {}
  norm() {
    return Math.hypot(this.x, this.y);
  }
}

// Decorated classes are framework components.
declare function Component(o: object): ClassDecorator;
