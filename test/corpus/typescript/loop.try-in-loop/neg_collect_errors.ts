// Per-item error handling that lets the loop continue.
declare function parse(line: string): number;
declare function attempt(): Promise<void>;
declare function sleep(ms: number): Promise<void>;

export function collectErrors(lines: string[]) {
  const errors: unknown[] = [];
  for (const line of lines) {
    try {
      parse(line);
    } catch (e) {
      errors.push(e);
      continue;
    }
  }
  return errors;
}
