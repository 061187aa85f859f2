// Copies that are needed.
interface User { id: number; admin: boolean }

export function setDeletes(s: Set<number>) {
  for (const x of Array.from(s)) {
    if (x % 2) s.delete(x);
  }
}
