// Searches that are not nested, or that already use an index.
interface Order { id: number; userId: number; lines: { sku: string }[] }
interface User { id: number; name: string }

// Searching the element's own children.
export function ownLines(orders: Order[]) {
  return orders.map((o) => o.lines.find((l) => l.sku === 'x'));
}
