// Independent async work serialised by an await inside a loop.
declare function fetchUser(id: string): Promise<{ name: string }>;
declare function save(item: unknown): Promise<void>;
declare const db: { insert(row: unknown): Promise<number> };

export async function nestedInCondition(ids: string[]) {
  for (const id of ids) {
    if ((await fetchUser(id)).name === 'root') { // expect: loop.await-in-loop
      console.log(id);
    }
  }
}
