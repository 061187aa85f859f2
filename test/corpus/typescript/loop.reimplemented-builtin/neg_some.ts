// Loops that do more than the built-in would.
interface User { id: number; admin: boolean; age: number }
declare function log(u: User): void;

// Already uses the built-in.
export function some(users: User[]) {
  return users.some((u) => u.admin);
}
