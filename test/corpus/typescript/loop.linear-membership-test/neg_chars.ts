// Membership tests that are fine.
const ALLOWED = new Set(['a', 'b']);

// A string-typed variable.
export function chars(text: string, input: string[]) {
  return input.filter((c) => text.includes(c));
}
