// Membership tests that are fine.
const ALLOWED = new Set(['a', 'b']);

export function withSet(words: string[]) {
  return words.filter((w) => ALLOWED.has(w));
}
