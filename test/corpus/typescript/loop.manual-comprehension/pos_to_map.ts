// Loops whose only job is to fill a new collection.
interface User { id: number; name: string; active: boolean }

export function toMap(users: User[]) {
  const m = new Map<number, string>();
  for (const u of users) {
    m.set(u.id, u.name); // expect: loop.manual-comprehension
  }
  return m;
}
