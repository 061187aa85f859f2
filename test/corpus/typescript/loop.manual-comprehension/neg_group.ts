// Loops that do more than fill a collection, or fill one that already had content.
interface User { id: number; name: string; active: boolean }
declare function audit(u: User): void;

// Grouping: the key's bucket is read before writing.
export function group(users: User[]) {
  const groups: Record<string, User[]> = {};
  for (const u of users) {
    (groups[u.name] ??= []).push(u);
  }
  return groups;
}
