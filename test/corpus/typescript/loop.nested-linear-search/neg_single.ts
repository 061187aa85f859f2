// Searches that are not nested, or that already use an index.
interface Order { id: number; userId: number; lines: { sku: string }[] }
interface User { id: number; name: string }

export function single(users: User[], id: number) {
  return users.find((u) => u.id === id);
}
