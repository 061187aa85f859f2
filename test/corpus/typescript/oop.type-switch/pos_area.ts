// Chains of class checks selecting behaviour.
abstract class Shape {}

class Circle extends Shape { r = 1; }

class Square extends Shape { s = 1; }

class Triangle extends Shape { b = 1; h = 1; }

export function area(shape: Shape) {
  if (shape instanceof Circle) { // expect: oop.type-switch
    return Math.PI * shape.r ** 2;
  } else if (shape instanceof Square) {
    return shape.s ** 2;
  } else if (shape instanceof Triangle) {
    return (shape.b * shape.h) / 2;
  }
  return 0;
}
