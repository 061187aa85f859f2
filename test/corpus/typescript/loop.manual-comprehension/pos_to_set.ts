// Loops whose only job is to fill a new collection.
interface User { id: number; name: string; active: boolean }

export function toSet(users: User[]) {
  const s = new Set<string>();
  for (const u of users) {
    s.add(u.name); // expect: loop.manual-comprehension
  }
  return s;
}
