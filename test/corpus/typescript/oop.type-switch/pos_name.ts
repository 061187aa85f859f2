// Chains of class checks selecting behaviour.
abstract class Shape {}

class Circle extends Shape { r = 1; }

class Square extends Shape { s = 1; }

class Triangle extends Shape { b = 1; h = 1; }

export function name(shape: Shape) {
  if (shape instanceof Circle) return 'circle'; // expect: oop.type-switch
  if (shape instanceof Square) return 'square';
  if (shape instanceof Triangle) return 'triangle';
  return 'shape';
}
