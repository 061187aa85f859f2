// Intermediate arrays built only to be iterated, tested, counted or indexed.
interface User { id: number; admin: boolean }

export function hasAdmin(users: User[]) {
  return users.filter((u) => u.admin).length > 0; // expect: loop.unnecessary-materialization
}
