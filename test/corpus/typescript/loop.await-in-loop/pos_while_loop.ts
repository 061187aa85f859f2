// Independent async work serialised by an await inside a loop.
declare function fetchUser(id: string): Promise<{ name: string }>;
declare function save(item: unknown): Promise<void>;
declare const db: { insert(row: unknown): Promise<number> };

export async function whileLoop(queue: unknown[]) {
  let i = 0;
  while (i < queue.length) {
    const id = await db.insert(queue[i]); // expect: loop.await-in-loop
    console.log(id);
    i++;
  }
}
