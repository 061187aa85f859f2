// Parsed only for the one key that matches: not repeated work.
export function tokens(keys: string[], wanted: string, raw: string) {
  const out: string[] = [];
  for (const key of keys) {
    if (key === wanted) {
      out.push(...(JSON.parse(raw) as string[]));
    }
  }
  return out;
}
