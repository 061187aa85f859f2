// Intermediate arrays built only to be iterated, tested, counted or indexed.
interface User { id: number; admin: boolean }

export function sliceIterate(xs: number[]) {
  for (const x of xs.slice()) { // expect: loop.unnecessary-materialization
    console.log(x);
  }
}
