// Loops that do more than the built-in would.
interface User { id: number; admin: boolean; age: number }
declare function log(u: User): void;

// Returning something other than a boolean constant after the loop.
export function fallback(users: User[]) {
  for (const u of users) {
    if (u.admin) return true;
  }
  return users.length === 0;
}
