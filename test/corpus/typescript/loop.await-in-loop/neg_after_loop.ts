// Loops where awaiting inside is inherently sequential, or the await is not in the loop body.
declare function fetchPage(cursor: string | null): Promise<{ items: string[]; next: string | null }>;
declare function save(item: unknown): Promise<void>;
declare function sleep(ms: number): Promise<void>;
declare function tryConnect(): Promise<boolean>;
declare const stream: AsyncIterable<string>;
declare function process(chunk: string): Promise<void>;

// Awaiting once after the loop.
export async function afterLoop(items: unknown[]) {
  const pending: Promise<void>[] = [];
  for (const item of items) {
    pending.push(save(item)); // expect: loop.manual-comprehension
  }
  await Promise.all(pending);
}
