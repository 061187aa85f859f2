// Membership tests that are fine.
const ALLOWED = new Set(['a', 'b']);

// indexOf used for its position, not as a membership test.
export function positions(order: string[], names: string[]) {
  return names.map((n) => order.indexOf(n));
}
