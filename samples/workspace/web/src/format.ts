import type { LineItem } from './cart.js';

const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function formatPrice(value: number): string {
  return currency.format(value);
}

export function formatLines(lines: LineItem[]): string[] {
  return lines.map((l) => `${l.quantity} × ${l.sku} @ ${formatPrice(l.unitPrice)}`);
}
