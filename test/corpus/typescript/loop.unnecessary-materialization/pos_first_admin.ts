// Intermediate arrays built only to be iterated, tested, counted or indexed.
interface User { id: number; admin: boolean }

export function firstAdmin(users: User[]) {
  return users.filter((u) => u.admin)[0]; // expect: loop.unnecessary-materialization
}
