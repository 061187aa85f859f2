// Independent async work serialised by an await inside a loop.
declare function fetchUser(id: string): Promise<{ name: string }>;
declare function save(item: unknown): Promise<void>;
declare const db: { insert(row: unknown): Promise<number> };

export async function forIn(table: Record<string, unknown>) {
  for (const key in table) {
    await save(table[key]); // expect: loop.await-in-loop, loop.redundant-index-lookup
  }
}
