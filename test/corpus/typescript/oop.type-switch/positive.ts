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

export function name(shape: Shape) {
  if (shape instanceof Circle) return 'circle'; // expect: oop.type-switch
  if (shape instanceof Square) return 'square';
  if (shape instanceof Triangle) return 'triangle';
  return 'shape';
}

export function byConstructor(shape: Shape) {
  switch (shape.constructor) { // expect: oop.type-switch
    case Circle:
      return 1;
    case Square:
      return 2;
    case Triangle:
      return 3;
  }
  return 0;
}

export function switchTrue(shape: Shape) {
  switch (true) {
    case shape instanceof Circle: // expect: oop.type-switch
      return 'c';
    case shape instanceof Square:
      return 's';
    case shape instanceof Triangle:
      return 't';
    default:
      return '?';
  }
}
