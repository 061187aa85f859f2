// A try/catch inside the loop whose handler ends the loop anyway: wrapping the loop would do.
declare function parse(line: string): number;
declare function send(x: number): Promise<void>;

export function stopOnError(lines: string[]) {
  const out: number[] = [];
  for (const line of lines) {
    try {
      out.push(parse(line));
    } catch { // expect: loop.try-in-loop
      break;
    }
  }
  return out;
}
