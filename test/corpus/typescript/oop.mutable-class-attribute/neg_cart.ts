// Per-instance fields and immutable class-level data.
export class Cart {
  items: string[] = [];
  totals = new Map<string, number>();
  options = { verbose: false };
}
