// Independent async work serialised by an await inside a loop.
declare function fetchUser(id: string): Promise<{ name: string }>;
declare function save(item: unknown): Promise<void>;
declare const db: { insert(row: unknown): Promise<number> };

export async function asyncArrowBody(ids: string[]) {
  const run = async () => {
    for (const id of ids) {
      await save(id); // expect: loop.await-in-loop
    }
  };
  await run();
}
