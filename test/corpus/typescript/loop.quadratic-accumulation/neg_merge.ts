// Accumulation that mutates in place, or copies something that is not the accumulator.
interface Item { id: string; tags: string[]; meta: Record<string, string> }

// Object spread of the current item into a fresh object.
export function merge(items: Item[]) {
  const out: Record<string, string>[] = [];
  for (const item of items) {
    out.push({ ...item.meta }); // expect: loop.manual-comprehension
  }
  return out;
}
