// Searching collection B for every element of collection A: O(n·m).
interface Order { id: number; userId: number }
interface User { id: number; name: string }

export function loopFilter(users: User[], orders: Order[]) {
  const out: Array<[User, Order[]]> = [];
  for (const u of users) {
    const mine = orders.filter((o) => o.userId === u.id); // expect: loop.nested-linear-search
    out.push([u, mine]);
  }
  return out;
}
