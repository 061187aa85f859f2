// Loops that do more than the built-in would.
interface User { id: number; admin: boolean; age: number }
declare function log(u: User): void;

// JavaScript has no built-in sum: a summing loop is fine.
export function sumLoop(xs: number[]) {
  let total = 0;
  for (const x of xs) {
    total += x;
  }
  return total;
}
