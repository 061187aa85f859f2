// Independent async work serialised by an await inside a loop.
declare function fetchUser(id: string): Promise<{ name: string }>;
declare function save(item: unknown): Promise<void>;
declare const db: { insert(row: unknown): Promise<number> };

export async function saveEach(items: unknown[]) {
  for (let i = 0; i < items.length; i++) { // expect: loop.manual-index
    await save(items[i]); // expect: loop.await-in-loop
  }
}
