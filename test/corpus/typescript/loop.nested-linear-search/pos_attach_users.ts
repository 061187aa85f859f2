// Searching collection B for every element of collection A: O(n·m).
interface Order { id: number; userId: number }
interface User { id: number; name: string }

export function attachUsers(orders: Order[], users: User[]) {
  return orders.map((o) => ({
    ...o,
    user: users.find((u) => u.id === o.userId), // expect: loop.nested-linear-search
  }));
}
