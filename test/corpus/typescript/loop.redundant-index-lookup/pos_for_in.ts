export function forIn(prices: Record<string, number>) {
  for (const sku in prices) {
    console.log(sku, prices[sku]); // expect: loop.redundant-index-lookup
  }
}
