export function names(users: { name: string }[]) {
  return [...users.map((u) => u.name)]; // expect: loop.unnecessary-materialization
}
