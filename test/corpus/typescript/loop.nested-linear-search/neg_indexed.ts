// Searches that are not nested, or that already use an index.
interface Order { id: number; userId: number; lines: { sku: string }[] }
interface User { id: number; name: string }

export function indexed(orders: Order[], users: User[]) {
  const byId = new Map(users.map((u) => [u.id, u]));
  return orders.map((o) => byId.get(o.userId));
}
