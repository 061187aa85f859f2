// Per-item error handling that lets the loop continue.
declare function parse(line: string): number;
declare function attempt(): Promise<void>;
declare function sleep(ms: number): Promise<void>;

// try/finally with no catch: cleanup per item.
export function finallyOnly(locks: { acquire(): void; release(): void }[]) {
  for (const l of locks) {
    l.acquire();
    try {
      console.log('work');
    } finally {
      l.release();
    }
  }
}
