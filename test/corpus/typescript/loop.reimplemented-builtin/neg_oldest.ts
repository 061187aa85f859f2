// Loops that do more than the built-in would.
interface User { id: number; admin: boolean; age: number }
declare function log(u: User): void;

// Max of a derived key, remembering which element.
export function oldest(users: User[]) {
  let best: User | undefined;
  for (const u of users) {
    if (!best || u.age > best.age) best = u;
  }
  return best;
}
