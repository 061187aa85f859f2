// Chains of class checks selecting behaviour.
abstract class Shape {}

class Circle extends Shape { r = 1; }

class Square extends Shape { s = 1; }

class Triangle extends Shape { b = 1; h = 1; }

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
