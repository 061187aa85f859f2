// Accumulation that mutates in place, or copies something that is not the accumulator.
interface Item { id: string; tags: string[]; meta: Record<string, string> }

// Concatenating a new local each iteration (not the accumulator).
export function localConcat(items: Item[]) {
  for (const item of items) {
    const tags = item.tags.concat(['x']);
    console.log(tags);
  }
}
