// Only keys used.
export function onlyKeys(prices: Record<string, number>) {
  for (const sku in prices) {
    console.log(sku);
  }
}
