// Loops whose only job is to fill a new collection.
interface User { id: number; name: string; active: boolean }

export function viaForEach(users: User[]) {
  const out: number[] = [];
  users.forEach((u) => out.push(u.id * 2)); // expect: loop.manual-comprehension
  return out;
}
