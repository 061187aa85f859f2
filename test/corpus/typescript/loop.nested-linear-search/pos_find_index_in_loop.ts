// Searching collection B for every element of collection A: O(n·m).
interface Order { id: number; userId: number }
interface User { id: number; name: string }

export function findIndexInLoop(a: User[], b: User[]) {
  for (const x of a) {
    const j = b.findIndex((y) => y.id === x.id); // expect: loop.nested-linear-search
    if (j >= 0) console.log(j);
  }
}
