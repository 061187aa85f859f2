// Two branches, error handling, or discriminated unions.
class Circle { r = 1; }
class Square { s = 1; }

export function two(x: Circle | Square) {
  if (x instanceof Circle) return x.r;
  else if (x instanceof Square) return x.s;
  return 0;
}

export function handle(err: unknown) {
  if (err instanceof TypeError) {
    return 'type';
  } else if (err instanceof RangeError) {
    return 'range';
  } else if (err instanceof SyntaxError) {
    return 'syntax';
  }
  return 'other';
}

// Built-in value types (normalising input), not a class hierarchy.
export function normalise(v: unknown) {
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Map) return Object.fromEntries(v);
  if (v instanceof Set) return [...v];
  if (v instanceof Uint8Array) return Array.from(v);
  return v;
}

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

// Different subjects in each check.
class A {}
class B {}
class C {}
export function mixed(a: unknown, b: unknown, c: unknown) {
  if (a instanceof A) return 1;
  if (b instanceof B) return 2;
  if (c instanceof C) return 3;
  return 0;
}

// typeof checks on primitives.
export function prim(v: unknown) {
  if (typeof v === 'string') return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'boolean') return 3;
  return 0;
}
