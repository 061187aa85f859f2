// Membership tests against an array inside a loop (O(n) each time).
const RESERVED = ['class', 'function', 'var', 'let', 'const'];

export function filterReserved(words: string[]) {
  const out: string[] = [];
  for (const w of words) {
    if (!RESERVED.includes(w)) { // expect: loop.linear-membership-test
      out.push(w); // expect: loop.manual-comprehension
    }
  }
  return out;
}
