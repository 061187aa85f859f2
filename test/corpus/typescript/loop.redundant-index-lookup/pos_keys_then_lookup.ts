// Looking an element up again when the loop already has it.
export function keysThenLookup(prices: Record<string, number>) {
  let total = 0;
  for (const sku of Object.keys(prices)) {
    total += prices[sku]!; // expect: loop.redundant-index-lookup
  }
  return total;
}
