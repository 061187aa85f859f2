// Loops that do more than fill a collection, or fill one that already had content.
interface User { id: number; name: string; active: boolean }
declare function audit(u: User): void;

export function withSideEffect(users: User[]) {
  const out: string[] = [];
  for (const u of users) {
    audit(u);
    out.push(u.name);
  }
  return out;
}
