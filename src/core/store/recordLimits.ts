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

function check(value: unknown, path: string, depth: number): string | undefined {
  if (typeof value === 'number') {
    const key = path.slice(path.lastIndexOf('.') + 1);
    if (!Number.isFinite(value)) return `${path} is not a finite number`;
    const limit = TIME_FIELDS.has(key) ? MAX_TIMESTAMP_MS : MAX_COUNT;
    if (Math.abs(value) > limit) return `${path} = ${value} is out of range (limit ${limit})`;
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= MAX_DEPTH) return `${path || 'record'} is nested too deeply`;
  for (const [k, v] of Object.entries(value)) {
    const problem = check(v, path ? `${path}.${k}` : k, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}
