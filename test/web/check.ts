/**
 * Assertions for the web-worker test bundle, where Node's `assert` does not exist. Deep equality compares a canonical
 * JSON form (keys sorted), which is exact for the plain data records and rollups these tests compare.
 */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(`assertion failed: ${message}`);
}

export function equal<T>(actual: T, expected: T, message = 'values are equal'): void {
  if (!Object.is(actual, expected)) throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function deepEqual(actual: unknown, expected: unknown, message = 'values are deeply equal'): void {
  const a = canonical(actual);
  const e = canonical(expected);
  if (a !== e) throw new Error(`${message}:\n  expected ${e.slice(0, 2000)}\n  actual   ${a.slice(0, 2000)}`);
}
