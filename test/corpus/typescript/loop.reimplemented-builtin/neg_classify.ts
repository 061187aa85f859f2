// Loops that do more than the built-in would.
interface User { id: number; admin: boolean; age: number }
declare function log(u: User): void;

// Several conditions leading to different results.
export function classify(users: User[]) {
  for (const u of users) {
    if (u.admin) return 'admin';
    if (u.age < 18) return 'minor';
  }
  return 'none';
}
