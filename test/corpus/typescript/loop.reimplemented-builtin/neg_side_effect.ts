// Loops that do more than the built-in would.
interface User { id: number; admin: boolean; age: number }
declare function log(u: User): void;

export function sideEffect(users: User[]) {
  for (const u of users) {
    log(u);
    if (u.admin) return true;
  }
  return false;
}
