// Per-item error handling that lets the loop continue.
declare function parse(line: string): number;
declare function attempt(): Promise<void>;
declare function sleep(ms: number): Promise<void>;

// Catch that falls back to a default and continues.
export function withDefault(lines: string[]) {
  return lines.map((line) => {
    try {
      return parse(line);
    } catch {
      return 0;
    }
  });
}
