// Loops that do more than the built-in would.
interface User { id: number; admin: boolean; age: number }
declare function log(u: User): void;

// Counting with a condition is not a sum of the elements.
export function countAdmins(users: User[]) {
  let n = 0;
  for (const u of users) {
    if (u.admin) n++;
  }
  return n;
}
