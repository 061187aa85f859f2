// Loops that re-implement some/every/find/includes/Math.max/Math.min.
interface User { id: number; admin: boolean; age: number }

export function indexLoopSome(xs: string[], target: string) {
  for (let i = 0; i < xs.length; i++) { // expect: loop.reimplemented-builtin, loop.manual-index
    if (xs[i] === target) {
      return true;
    }
  }
  return false;
}
