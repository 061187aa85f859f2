// Accumulators copied on every iteration.
interface Item { id: string; tags: string[] }

export function assignReduce(items: Item[]) {
  return items.reduce((acc, item) => Object.assign({}, acc, { [item.id]: item.tags.length }), {}); // expect: loop.quadratic-accumulation
}
