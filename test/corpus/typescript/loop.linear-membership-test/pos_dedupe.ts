// Membership tests against an array inside a loop (O(n) each time).
const RESERVED = ['class', 'function', 'var', 'let', 'const'];

export function dedupe(input: number[]) {
  const seen: number[] = [];
  for (const n of input) {
    if (seen.indexOf(n) === -1) { // expect: loop.linear-membership-test
      seen.push(n);
    }
  }
  return seen;
}
