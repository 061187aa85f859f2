// Accumulation that mutates in place, or copies something that is not the accumulator.
interface Item { id: string; tags: string[]; meta: Record<string, string> }

// String concatenation inside reduce is string-concat territory, and strings are not spread.
export function joinIds(items: Item[]) {
  return items.reduce((s, item) => s + item.id, '');
}
