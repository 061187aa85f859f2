// Membership tests that are fine.
const ALLOWED = new Set(['a', 'b']);

// Set-typed parameter.
export function setParam(ids: number[], allowed: Set<number>) {
  return ids.filter((id) => allowed.has(id));
}
