// Rebuilding an object: both halves flow into the result.
export function invert(table: Record<string, string>) {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [v, k]));
}
