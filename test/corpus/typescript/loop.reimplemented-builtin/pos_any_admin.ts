// Loops that re-implement some/every/find/includes/Math.max/Math.min.
interface User { id: number; admin: boolean; age: number }

export function anyAdmin(users: User[]) {
  for (const u of users) { // expect: loop.reimplemented-builtin
    if (u.admin) {
      return true;
    }
  }
  return false;
}
