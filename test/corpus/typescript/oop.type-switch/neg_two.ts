// Two branches, error handling, or discriminated unions.
class Circle { r = 1; }

class Square { s = 1; }

export function two(x: Circle | Square) {
  if (x instanceof Circle) return x.r;
  else if (x instanceof Square) return x.s;
  return 0;
}
