// Intermediate arrays built only to be iterated, tested, counted or indexed.
interface User { id: number; admin: boolean }

export function mapThenIncludes(users: User[], id: number) {
  return users.map((u) => u.id).includes(id); // expect: loop.unnecessary-materialization
}
