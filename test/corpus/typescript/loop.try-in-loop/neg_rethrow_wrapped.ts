// Per-item error handling that lets the loop continue.
declare function parse(line: string): number;
declare function attempt(): Promise<void>;
declare function sleep(ms: number): Promise<void>;

// Try in a function declared in the loop body's callback.
export function rethrowWrapped(lines: string[]) {
  for (const line of lines) {
    try {
      parse(line);
    } catch (e) {
      if (e instanceof SyntaxError) continue;
      throw e;
    }
  }
}
