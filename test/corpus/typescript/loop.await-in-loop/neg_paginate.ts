// Loops where awaiting inside is inherently sequential, or the await is not in the loop body.
declare function fetchPage(cursor: string | null): Promise<{ items: string[]; next: string | null }>;
declare function save(item: unknown): Promise<void>;
declare function sleep(ms: number): Promise<void>;
declare function tryConnect(): Promise<boolean>;
declare const stream: AsyncIterable<string>;
declare function process(chunk: string): Promise<void>;

// The result feeds the next iteration (pagination cursor).
export async function paginate() {
  let cursor: string | null = null;
  const all: string[] = [];
  do {
    const page = await fetchPage(cursor);
    all.push(...page.items);
    cursor = page.next;
  } while (cursor !== null);
  return all;
}
