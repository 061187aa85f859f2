// Static methods written as if they received the instance or class.
export class Vector {
  constructor(public x: number) {}
  static length(self: Vector) { // expect: oop.static-method-misuse
    return Math.abs(self.x);
  }
  static create(cls: typeof Vector, x: number) { // expect: oop.static-method-misuse
    return new cls(x);
  }
}
