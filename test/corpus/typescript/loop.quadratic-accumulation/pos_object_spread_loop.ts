// Accumulators copied on every iteration.
interface Item { id: string; tags: string[] }

export function objectSpreadLoop(items: Item[]) {
  let byId: Record<string, Item> = {};
  items.forEach((item) => {
    byId = { ...byId, [item.id]: item }; // expect: loop.quadratic-accumulation
  });
  return byId;
}
