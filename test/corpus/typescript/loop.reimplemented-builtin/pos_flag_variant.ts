// Loops that re-implement some/every/find/includes/Math.max/Math.min.
interface User { id: number; admin: boolean; age: number }

export function flagVariant(users: User[]) {
  let found = false;
  for (const u of users) { // expect: loop.reimplemented-builtin
    if (u.admin) {
      found = true;
      break;
    }
  }
  return found;
}
