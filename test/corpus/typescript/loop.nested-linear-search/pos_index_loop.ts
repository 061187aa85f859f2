// Searching collection B for every element of collection A: O(n·m).
interface Order { id: number; userId: number }
interface User { id: number; name: string }

export function indexLoop(orders: Order[], users: User[]) {
  for (let i = 0; i < orders.length; i++) { // expect: loop.manual-index
    const user = users.find((u) => u.id === orders[i]!.userId); // expect: loop.nested-linear-search
    console.log(user?.name);
  }
}
