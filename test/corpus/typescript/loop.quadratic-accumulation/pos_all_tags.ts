// Accumulators copied on every iteration.
interface Item { id: string; tags: string[] }

export function allTags(items: Item[]) {
  return items.reduce<string[]>((acc, item) => [...acc, ...item.tags], []); // expect: loop.quadratic-accumulation
}
