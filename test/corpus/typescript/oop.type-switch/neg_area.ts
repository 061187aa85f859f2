// Discriminated union: the idiomatic TypeScript switch.
type Shape = { kind: 'circle'; r: number } | { kind: 'square'; s: number } | { kind: 'tri'; b: number; h: number };

export function area(s: Shape) {
  switch (s.kind) {
    case 'circle':
      return Math.PI * s.r ** 2;
    case 'square':
      return s.s ** 2;
    case 'tri':
      return (s.b * s.h) / 2;
  }
}
