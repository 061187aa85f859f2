// A try/catch inside the loop whose handler ends the loop anyway: wrapping the loop would do.
declare function parse(line: string): number;
declare function send(x: number): Promise<void>;

export function parseAll(lines: string[]) {
  const out: number[] = [];
  for (const line of lines) {
    try {
      out.push(parse(line));
    } catch (err) { // expect: loop.try-in-loop
      throw new Error(`bad input: ${String(err)}`);
    }
  }
  return out;
}
