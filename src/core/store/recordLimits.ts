/**
 * Range checks a record must pass before any of its numbers is used. The schema says "a non-negative integer"; these
 * limits say "one a real editor could have produced", so a single stored record such as `ts: 9e15` (past the range
 * of JavaScript dates) or `linesAdded: 1e300` (which would turn every rollup sum into Infinity) is skipped and counted
 * like a corrupt line instead of failing every report and export of the store.
 */

/** 9999-12-31T23:59:59.999Z: the last instant `Date#toISOString` renders as a 4-digit year. */
export const MAX_TIMESTAMP_MS = 253_402_300_799_999;
/** Fields holding epoch milliseconds or durations in milliseconds. */
const TIME_FIELDS = new Set(['ts', 'editTs', 'periodStart', 'periodEnd', 'msSinceEdit']);
/** Any other number (line/character counts, positions, diagnostics counts, score components): 2^31 − 1. */
export const MAX_COUNT = 2_147_483_647;
/** Nesting beyond this is not a record this build wrote. */
const MAX_DEPTH = 8;

/**
 * Returns why a decoded record is out of range (the first problem found), or `undefined` when every number in it is
 * finite and within its limit. Walks the whole object, so fields added by later schema versions are covered too.
 */
export function recordRangeProblem(record: unknown): string | undefined {
  return check(record, '', 0);
}

// Runs for every record read, so it builds no strings unless something is wrong (the path is assembled on the way out).
function check(value: unknown, key: string, depth: number): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `${key} is not a finite number`;
    const limit = TIME_FIELDS.has(key) ? MAX_TIMESTAMP_MS : MAX_COUNT;
    return value > limit || value < -limit ? `${key} = ${value} is out of range (limit ${limit})` : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= MAX_DEPTH) return `${key || 'record'} is nested too deeply`;
  const obj = value as Record<string, unknown>;
  for (const k in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
    const problem = check(obj[k], k, depth + 1);
    if (problem !== undefined) return key ? `${key}.${problem}` : problem;
  }
  return undefined;
}
