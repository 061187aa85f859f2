// Loops where awaiting inside is inherently sequential, or the await is not in the loop body.
declare function fetchPage(cursor: string | null): Promise<{ items: string[]; next: string | null }>;
declare function save(item: unknown): Promise<void>;
declare function sleep(ms: number): Promise<void>;
declare function tryConnect(): Promise<boolean>;
declare const stream: AsyncIterable<string>;
declare function process(chunk: string): Promise<void>;

// The awaited value controls the loop condition (retry until success).
export async function retry() {
  let ok = false;
  while (!ok) {
    ok = await tryConnect();
    await sleep(100);
  }
}
