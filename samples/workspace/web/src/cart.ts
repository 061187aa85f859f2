export interface LineItem {
  sku: string;
  unitPrice: number;
  quantity: number;
}

export interface Discount {
  code: string;
  /** Fraction off the subtotal, 0–1. */
  rate: number;
  minimumSubtotal: number;
}

export class Cart {
  private readonly lines = new Map<string, LineItem>();

  add(sku: string, unitPrice: number, quantity = 1): void {
    const current = this.lines.get(sku);
    this.lines.set(sku, { sku, unitPrice, quantity: (current?.quantity ?? 0) + quantity });
  }

  remove(sku: string): void {
    this.lines.delete(sku);
  }

  items(): LineItem[] {
    return [...this.lines.values()];
  }

  subtotal(): number {
    return this.items().reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  }

  total(discount?: Discount): number {
    const subtotal = this.subtotal();
    if (!discount || subtotal < discount.minimumSubtotal) return subtotal;
    return Math.round(subtotal * (1 - discount.rate) * 100) / 100;
  }
}
