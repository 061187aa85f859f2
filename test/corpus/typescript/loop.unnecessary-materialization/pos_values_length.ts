// Intermediate arrays built only to be iterated, tested, counted or indexed.
interface User { id: number; admin: boolean }

export function valuesLength(m: Map<string, number>) {
  return Array.from(m.values()).length; // expect: loop.unnecessary-materialization
}
