// Loops that re-implement some/every/find/includes/Math.max/Math.min.
interface User { id: number; admin: boolean; age: number }

export function minLoop(xs: number[]) {
  let lo = xs[0]!;
  for (let i = 1; i < xs.length; i++) { // expect: loop.reimplemented-builtin
    if (xs[i]! < lo) {
      lo = xs[i]!;
    }
  }
  return lo;
}
