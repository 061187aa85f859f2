// Lookups that are needed.
export function writes(prices: Record<string, number>) {
  for (const sku of Object.keys(prices)) {
    prices[sku] = 0;
  }
}
