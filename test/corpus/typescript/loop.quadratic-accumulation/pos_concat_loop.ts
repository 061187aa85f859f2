// Accumulators copied on every iteration.
interface Item { id: string; tags: string[] }

export function concatLoop(items: Item[]) {
  let tags: string[] = [];
  for (const item of items) {
    tags = tags.concat(item.tags); // expect: loop.quadratic-accumulation
  }
  return tags;
}
