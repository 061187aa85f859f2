// Membership tests that are fine.
const ALLOWED = new Set(['a', 'b']);

// Testing membership in the element being iterated (its own small array).
export function rowsWithZero(rows: number[][]) {
  return rows.filter((row) => row.includes(0));
}
