// Loops where awaiting inside is inherently sequential, or the await is not in the loop body.
declare function fetchPage(cursor: string | null): Promise<{ items: string[]; next: string | null }>;
declare function save(item: unknown): Promise<void>;
declare function sleep(ms: number): Promise<void>;
declare function tryConnect(): Promise<boolean>;
declare const stream: AsyncIterable<string>;
declare function process(chunk: string): Promise<void>;

// Await inside a nested async function defined in the loop: the loop itself does not wait.
export function schedule(items: unknown[]) {
  for (const item of items) {
    setTimeout(async () => {
      await save(item);
    }, 0);
  }
}
