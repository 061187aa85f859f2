// Classes with instance members, inheritance or decorators.
export class Point {
  static origin() {
    return new Point(0, 0);
  }
  constructor(public x: number, public y: number) {}
}

declare function Injectable(): ClassDecorator;
