// Independent async work serialised by an await inside a loop.
declare function fetchUser(id: string): Promise<{ name: string }>;
declare function save(item: unknown): Promise<void>;
declare const db: { insert(row: unknown): Promise<number> };

export async function doWhile(rows: unknown[]) {
  let n = 0;
  do {
    await db.insert(rows[n]); // expect: loop.await-in-loop
    n += 1;
  } while (n < rows.length);
}
