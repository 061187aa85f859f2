// Membership tests against an array inside a loop (O(n) each time).
const RESERVED = ['class', 'function', 'var', 'let', 'const'];

export function common(a: string[], b: string[]) {
  return a.filter((x) => b.includes(x)); // expect: loop.linear-membership-test
}
