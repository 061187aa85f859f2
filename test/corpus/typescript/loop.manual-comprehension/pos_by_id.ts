// Loops whose only job is to fill a new collection.
interface User { id: number; name: string; active: boolean }

export function byId(users: User[]) {
  const index: Record<number, User> = {};
  for (const u of users) {
    index[u.id] = u; // expect: loop.manual-comprehension
  }
  return index;
}
