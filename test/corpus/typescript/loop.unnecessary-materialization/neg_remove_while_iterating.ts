// Copies that are needed.
interface User { id: number; admin: boolean }

// The array is mutated during iteration: iterating a copy is deliberate.
export function removeWhileIterating(xs: number[]) {
  for (const x of [...xs]) {
    if (x < 0) xs.splice(xs.indexOf(x), 1);
  }
}
