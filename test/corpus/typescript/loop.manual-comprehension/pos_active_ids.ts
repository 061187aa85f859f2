// Loops whose only job is to fill a new collection.
interface User { id: number; name: string; active: boolean }

export function activeIds(users: User[]) {
  const ids = [];
  for (const u of users) {
    if (u.active) {
      ids.push(u.id); // expect: loop.manual-comprehension
    }
  }
  return ids;
}
