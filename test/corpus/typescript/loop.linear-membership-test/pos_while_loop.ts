// Membership tests against an array inside a loop (O(n) each time).
const RESERVED = ['class', 'function', 'var', 'let', 'const'];

export function whileLoop(ids: number[], banned: number[]) {
  let i = 0;
  let hits = 0;
  while (i < ids.length) {
    if (banned.indexOf(ids[i]!) >= 0) hits++; // expect: loop.linear-membership-test
    i++;
  }
  return hits;
}
