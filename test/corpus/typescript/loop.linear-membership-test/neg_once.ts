// Membership tests that are fine.
const ALLOWED = new Set(['a', 'b']);

// A single test outside any loop.
export function once(list: string[], x: string) {
  return list.includes(x);
}
