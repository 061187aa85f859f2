// Membership tests that are fine.
const ALLOWED = new Set(['a', 'b']);

// String.includes / indexOf are substring searches, not membership tests.
export function substrings(lines: string[], needle: string) {
  const out: string[] = [];
  for (const line of lines) {
    if (line.includes(needle)) out.push(line);
    if (line.indexOf('#') === 0) continue;
  }
  return out;
}
