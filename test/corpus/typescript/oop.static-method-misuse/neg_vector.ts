// Ordinary static methods and a typed this-parameter.
export class Vector {
  constructor(public x: number) {}
  static add(a: Vector, b: Vector) {
    return new Vector(a.x + b.x);
  }
  static create<T extends typeof Vector>(this: T, x: number) {
    return new this(x);
  }
  length(self?: Vector) {
    return Math.abs((self ?? this).x);
  }
}
