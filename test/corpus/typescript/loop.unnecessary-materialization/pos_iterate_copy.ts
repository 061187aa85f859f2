// Intermediate arrays built only to be iterated, tested, counted or indexed.
interface User { id: number; admin: boolean }

export function iterateCopy(ids: Set<number>) {
  for (const id of [...ids]) { // expect: loop.unnecessary-materialization
    console.log(id);
  }
}
