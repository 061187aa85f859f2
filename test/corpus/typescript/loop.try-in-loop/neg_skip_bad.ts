// Per-item error handling that lets the loop continue.
declare function parse(line: string): number;
declare function attempt(): Promise<void>;
declare function sleep(ms: number): Promise<void>;

export function skipBad(lines: string[]) {
  const out: number[] = [];
  for (const line of lines) {
    try {
      out.push(parse(line));
    } catch (err) {
      console.warn('skipping', line, err);
    }
  }
  return out;
}
