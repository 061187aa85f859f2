// Loops that re-implement some/every/find/includes/Math.max/Math.min.
interface User { id: number; admin: boolean; age: number }

export function findById(users: User[], id: number) {
  for (const u of users) { // expect: loop.reimplemented-builtin
    if (u.id === id) return u;
  }
  return undefined;
}
