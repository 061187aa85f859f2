// Per-item error handling that lets the loop continue.
declare function parse(line: string): number;
declare function attempt(): Promise<void>;
declare function sleep(ms: number): Promise<void>;

// Try wraps the whole loop already.
export function wrapped(lines: string[]) {
  try {
    for (const line of lines) parse(line);
  } catch (e) {
    console.error(e);
  }
}
