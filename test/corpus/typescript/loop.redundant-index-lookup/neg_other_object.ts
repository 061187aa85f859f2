export function otherObject(prices: Record<string, number>, stock: Record<string, number>) {
  for (const sku of Object.keys(prices)) {
    console.log(stock[sku]);
  }
}
