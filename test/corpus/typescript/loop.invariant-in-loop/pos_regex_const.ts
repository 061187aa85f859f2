// Expensive work whose result cannot change between iterations.
declare const rawConfig: string;

export function regexConst(words: string[]) {
  return words.filter((w) => new RegExp('^[a-z]+$').test(w)); // expect: loop.invariant-in-loop
}
