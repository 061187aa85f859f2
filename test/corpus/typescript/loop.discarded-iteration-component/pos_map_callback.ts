export function mapCallback(prices: Record<string, number>) {
  return Object.entries(prices).map(([sku, price]) => price * 2); // expect: loop.discarded-iteration-component
}
