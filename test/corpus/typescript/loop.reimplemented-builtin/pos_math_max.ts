// Loops that re-implement some/every/find/includes/Math.max/Math.min.
interface User { id: number; admin: boolean; age: number }

export function mathMax(xs: number[]) {
  let best = 0;
  for (const x of xs) { // expect: loop.reimplemented-builtin
    best = Math.max(best, x);
  }
  return best;
}
