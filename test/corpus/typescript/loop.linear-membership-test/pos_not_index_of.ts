// Membership tests against an array inside a loop (O(n) each time).
const RESERVED = ['class', 'function', 'var', 'let', 'const'];

export function notIndexOf(users: { id: number }[], blocked: number[]) {
  return users.filter((u) => blocked.indexOf(u.id) !== -1); // expect: loop.linear-membership-test
}
