// Copies that are needed.
interface User { id: number; admin: boolean }

// Spread into a call is not materialisation for iteration.
export function max(ids: Set<number>) {
  return Math.max(...ids);
}
