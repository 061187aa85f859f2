// Loops whose only job is to fill a new collection.
interface User { id: number; name: string; active: boolean }

export function names(users: User[]) {
  const result: string[] = [];
  for (const u of users) {
    result.push(u.name); // expect: loop.manual-comprehension
  }
  return result;
}
