// Accumulation that mutates in place, or copies something that is not the accumulator.
interface Item { id: string; tags: string[]; meta: Record<string, string> }

export function pushReduce(items: Item[]) {
  return items.reduce<string[]>((acc, item) => {
    acc.push(...item.tags);
    return acc;
  }, []);
}
