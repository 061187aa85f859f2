// Accumulation that mutates in place, or copies something that is not the accumulator.
interface Item { id: string; tags: string[]; meta: Record<string, string> }

export function mutate(items: Item[]) {
  return items.reduce((acc, item) => {
    acc[item.id] = item;
    return acc;
  }, {} as Record<string, Item>);
}
