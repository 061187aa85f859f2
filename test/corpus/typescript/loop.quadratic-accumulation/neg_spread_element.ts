// Accumulation that mutates in place, or copies something that is not the accumulator.
interface Item { id: string; tags: string[]; meta: Record<string, string> }

// Spreading the element, not the accumulator.
export function spreadElement(items: Item[]) {
  return items.map((item) => ({ ...item, count: item.tags.length }));
}
