// Intermediate arrays built only to be iterated, tested, counted or indexed.
interface User { id: number; admin: boolean }

export function arrayFrom(m: Map<string, number>) {
  for (const v of Array.from(m.values())) { // expect: loop.unnecessary-materialization
    console.log(v);
  }
}
