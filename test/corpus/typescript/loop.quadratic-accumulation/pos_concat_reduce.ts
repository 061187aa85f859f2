// Accumulators copied on every iteration.
interface Item { id: string; tags: string[] }

export function concatReduce(lists: number[][]) {
  return lists.reduce((acc, list) => acc.concat(list), [] as number[]); // expect: loop.quadratic-accumulation
}
