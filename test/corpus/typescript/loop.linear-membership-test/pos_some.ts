// Membership tests against an array inside a loop (O(n) each time).
const RESERVED = ['class', 'function', 'var', 'let', 'const'];

export function some(tags: string[], wanted: Array<string>) {
  return tags.some((t) => wanted.includes(t)); // expect: loop.linear-membership-test
}
