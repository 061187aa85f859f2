// Accumulators copied on every iteration.
interface Item { id: string; tags: string[] }

export function spreadLoop(items: Item[]) {
  let ids: string[] = [];
  for (const item of items) {
    ids = [...ids, item.id]; // expect: loop.quadratic-accumulation
  }
  return ids;
}
