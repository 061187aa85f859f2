// A try/catch inside the loop whose handler ends the loop anyway: wrapping the loop would do.
declare function parse(line: string): number;
declare function send(x: number): Promise<void>;

export async function sendAll(xs: number[]) {
  let i = 0;
  while (i < xs.length) {
    try {
      await send(xs[i]!); // expect: loop.await-in-loop
    } catch (e) { // expect: loop.try-in-loop
      throw e;
    }
    i++;
  }
}
