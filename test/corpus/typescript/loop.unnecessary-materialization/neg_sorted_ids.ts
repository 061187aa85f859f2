// Copies that are needed.
interface User { id: number; admin: boolean }

// Spreading to get array methods the iterable lacks.
export function sortedIds(ids: Set<number>) {
  return [...ids].sort((a, b) => a - b);
}
