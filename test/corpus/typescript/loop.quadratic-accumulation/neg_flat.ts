// Accumulation that mutates in place, or copies something that is not the accumulator.
interface Item { id: string; tags: string[]; meta: Record<string, string> }

// flat / flatMap already avoid the copy.
export function flat(items: Item[]) {
  return items.flatMap((item) => item.tags);
}
