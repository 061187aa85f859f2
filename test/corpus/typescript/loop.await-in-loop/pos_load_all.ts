// Independent async work serialised by an await inside a loop.
declare function fetchUser(id: string): Promise<{ name: string }>;
declare function save(item: unknown): Promise<void>;
declare const db: { insert(row: unknown): Promise<number> };

export async function loadAll(ids: string[]) {
  const users = [];
  for (const id of ids) {
    users.push(await fetchUser(id)); // expect: loop.await-in-loop
  }
  return users;
}
