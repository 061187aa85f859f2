// Loops where awaiting inside is inherently sequential, or the await is not in the loop body.
declare function fetchPage(cursor: string | null): Promise<{ items: string[]; next: string | null }>;
declare function save(item: unknown): Promise<void>;
declare function sleep(ms: number): Promise<void>;
declare function tryConnect(): Promise<boolean>;
declare const stream: AsyncIterable<string>;
declare function process(chunk: string): Promise<void>;

// Await in the loop whose result is accumulated and read by the next iteration.
export async function chained(steps: Array<(prev: number) => Promise<number>>) {
  let value = 0;
  for (const step of steps) {
    value = await step(value);
  }
  return value;
}
