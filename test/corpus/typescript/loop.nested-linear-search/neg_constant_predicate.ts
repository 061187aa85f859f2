// Searches that are not nested, or that already use an index.
interface Order { id: number; userId: number; lines: { sku: string }[] }
interface User { id: number; name: string }

// Predicate does not relate the two collections.
export function constantPredicate(orders: Order[], users: User[]) {
  for (const o of orders) {
    const admin = users.find((u) => u.name === 'admin');
    console.log(o.id, admin);
  }
}
