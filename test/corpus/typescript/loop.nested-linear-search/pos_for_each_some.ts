// Searching collection B for every element of collection A: O(n·m).
interface Order { id: number; userId: number }
interface User { id: number; name: string }

export function forEachSome(orders: Order[], users: User[]) {
  orders.forEach((o) => {
    if (!users.some((u) => u.id === o.userId)) { // expect: loop.nested-linear-search
      console.log('orphan', o.id);
    }
  });
}
