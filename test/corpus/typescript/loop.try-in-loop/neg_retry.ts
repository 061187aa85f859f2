// Per-item error handling that lets the loop continue.
declare function parse(line: string): number;
declare function attempt(): Promise<void>;
declare function sleep(ms: number): Promise<void>;

// Retry loop: the catch decides whether to try again.
export async function retry(times: number) {
  for (let i = 0; i < times; i++) {
    try {
      await attempt();
      return;
    } catch (e) {
      if (i === times - 1) throw e;
      await sleep(2 ** i * 100);
    }
  }
}
