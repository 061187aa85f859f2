// Copies that are needed.
interface User { id: number; admin: boolean }

// Array.from with a map function builds a real array.
export function range(n: number) {
  return Array.from({ length: n }, (_, i) => i);
}
