// Searches that are not nested, or that already use an index.
interface Order { id: number; userId: number; lines: { sku: string }[] }
interface User { id: number; name: string }

// Chained methods on the same collection.
export function chain(users: User[]) {
  return users.filter((u) => u.id > 0).find((u) => u.name === 'x');
}
