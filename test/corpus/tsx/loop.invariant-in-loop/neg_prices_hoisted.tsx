const fmt = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

export function PricesHoisted({ prices }: { prices: number[] }) {
  return <ul>{prices.map((p) => <li key={p}>{fmt.format(p)}</li>)}</ul>;
}
