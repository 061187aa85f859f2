// Chains of class checks selecting behaviour.
abstract class Shape {}

class Circle extends Shape { r = 1; }

class Square extends Shape { s = 1; }

class Triangle extends Shape { b = 1; h = 1; }

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
