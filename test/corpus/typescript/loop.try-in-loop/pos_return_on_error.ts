// A try/catch inside the loop whose handler ends the loop anyway: wrapping the loop would do.
declare function parse(line: string): number;
declare function send(x: number): Promise<void>;

export function returnOnError(lines: string[]) {
  let total = 0;
  for (let i = 0; i < lines.length; i++) { // expect: loop.manual-index
    try {
      total += parse(lines[i]!);
    } catch (e) { // expect: loop.try-in-loop
      console.error(e);
      return -1;
    }
  }
  return total;
}
