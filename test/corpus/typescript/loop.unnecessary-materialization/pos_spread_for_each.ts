// Intermediate arrays built only to be iterated, tested, counted or indexed.
interface User { id: number; admin: boolean }

export function spreadForEach(ids: Set<number>) {
  [...ids].forEach((id) => console.log(id)); // expect: loop.unnecessary-materialization
}
