// Loops that re-implement some/every/find/includes/Math.max/Math.min.
interface User { id: number; admin: boolean; age: number }

export function maxAge(users: User[]) {
  let max = -Infinity;
  for (const u of users) { // expect: loop.reimplemented-builtin
    if (u.age > max) max = u.age;
  }
  return max;
}
