// Accumulators copied on every iteration.
interface Item { id: string; tags: string[] }

export function blockBodyReduce(items: Item[]) {
  return items.reduce((acc: Record<string, number>, item) => {
    return { ...acc, [item.id]: item.tags.length }; // expect: loop.quadratic-accumulation
  }, {});
}
