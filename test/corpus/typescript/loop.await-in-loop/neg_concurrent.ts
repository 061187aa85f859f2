// Loops where awaiting inside is inherently sequential, or the await is not in the loop body.
declare function fetchPage(cursor: string | null): Promise<{ items: string[]; next: string | null }>;
declare function save(item: unknown): Promise<void>;
declare function sleep(ms: number): Promise<void>;
declare function tryConnect(): Promise<boolean>;
declare const stream: AsyncIterable<string>;
declare function process(chunk: string): Promise<void>;

// Concurrent version: the awaits are inside callbacks passed to Promise.all, not in the loop.
export async function concurrent(items: unknown[]) {
  await Promise.all(items.map(async (item) => {
    await save(item);
  }));
}
