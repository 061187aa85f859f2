// Loops that do more than the built-in would.
interface User { id: number; admin: boolean; age: number }
declare function log(u: User): void;

// A flag set and loop continues to do other work.
export function flagAndWork(users: User[]) {
  let found = false;
  for (const u of users) {
    if (u.admin) found = true;
    log(u);
  }
  return found;
}
