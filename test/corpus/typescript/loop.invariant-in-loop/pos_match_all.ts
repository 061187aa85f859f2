// Expensive work whose result cannot change between iterations.
declare const rawConfig: string;

export function matchAll(lines: string[], word: string) {
  const out: string[] = [];
  for (const line of lines) {
    const re = new RegExp('\\b' + word + '\\b', 'i'); // expect: loop.invariant-in-loop
    if (re.test(line)) out.push(line);
  }
  return out;
}
