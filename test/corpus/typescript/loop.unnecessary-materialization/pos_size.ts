// Intermediate arrays built only to be iterated, tested, counted or indexed.
interface User { id: number; admin: boolean }

export function size(ids: Set<number>) {
  return [...ids].length; // expect: loop.unnecessary-materialization
}
