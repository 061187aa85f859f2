// Loops where awaiting inside is inherently sequential, or the await is not in the loop body.
declare function fetchPage(cursor: string | null): Promise<{ items: string[]; next: string | null }>;
declare function save(item: unknown): Promise<void>;
declare function sleep(ms: number): Promise<void>;
declare function tryConnect(): Promise<boolean>;
declare const stream: AsyncIterable<string>;
declare function process(chunk: string): Promise<void>;

// Inside a for-await loop body the iteration is already sequential.
export async function insideForAwait() {
  for await (const chunk of stream) {
    await process(chunk);
  }
}
