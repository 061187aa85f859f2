// Accumulation that mutates in place, or copies something that is not the accumulator.
interface Item { id: string; tags: string[]; meta: Record<string, string> }

// Reduce to a number.
export function total(items: Item[]) {
  return items.reduce((sum, item) => sum + item.tags.length, 0);
}
