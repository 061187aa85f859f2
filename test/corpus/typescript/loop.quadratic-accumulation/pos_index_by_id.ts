// Accumulators copied on every iteration.
interface Item { id: string; tags: string[] }

export function indexById(items: Item[]) {
  return items.reduce((acc, item) => ({ ...acc, [item.id]: item }), {} as Record<string, Item>); // expect: loop.quadratic-accumulation
}
