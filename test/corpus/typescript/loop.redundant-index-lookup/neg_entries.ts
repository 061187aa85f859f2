export function entries(prices: Record<string, number>) {
  for (const [sku, price] of Object.entries(prices)) {
    console.log(sku, price);
  }
}
