// Loops that do more than fill a collection, or fill one that already had content.
interface User { id: number; name: string; active: boolean }
declare function audit(u: User): void;

export function twoTargets(users: User[]) {
  const active: User[] = [];
  const inactive: User[] = [];
  for (const u of users) {
    if (u.active) active.push(u);
    else inactive.push(u);
  }
  return [active, inactive];
}
