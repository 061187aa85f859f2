// Membership tests that are fine.
const ALLOWED = new Set(['a', 'b']);

// Tiny literal array tested inline: constant size, no set needed.
export function vowels(s: string) {
  let n = 0;
  for (const ch of s) {
    if (['a', 'e', 'i', 'o', 'u'].includes(ch)) n++;
  }
  return n;
}
