// Built-in value types (normalising input), not a class hierarchy.
export function normalise(v: unknown) {
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Map) return Object.fromEntries(v);
  if (v instanceof Set) return [...v];
  if (v instanceof Uint8Array) return Array.from(v);
  return v;
}
