/**
 * Decoding stored lines. A line is one of: a valid current-version event, a record from a FUTURE schema version (or
 * an unknown kind) that this build cannot interpret but must preserve, or a corrupt line (bad JSON, truncated write,
 * invalid fields, values out of range) that is skipped and counted. Nothing here throws.
 */
import { DriftEvent, SCHEMA_VERSION } from '../schema/events.js';
import { recordRangeProblem } from './recordLimits.js';

export type DecodedLine =
  | { type: 'event'; event: DriftEvent }
  | { type: 'future'; raw: Record<string, unknown> }
  | { type: 'corrupt'; reason: string };

const KNOWN_KINDS = new Set<string>(DriftEvent.options.map((o) => o.shape.kind.value));

export function decodeLine(line: string): DecodedLine {
  const trimmed = line.trim();
  if (trimmed === '') return { type: 'corrupt', reason: 'empty line' };
  let raw: unknown;
  try {
    raw = JSON.parse(trimmed);
  } catch {
    return { type: 'corrupt', reason: trimmed.length > 0 && !trimmed.endsWith('}') ? 'truncated JSON' : 'invalid JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { type: 'corrupt', reason: 'not a JSON object' };
  const rec = raw as Record<string, unknown>;
  const schema = rec['schema'];
  if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
    return { type: 'corrupt', reason: 'missing or invalid schema version' };
  }
  if (schema > SCHEMA_VERSION || (typeof rec['kind'] === 'string' && !KNOWN_KINDS.has(rec['kind']))) {
    return { type: 'future', raw: rec };
  }
  const parsed = DriftEvent.safeParse(rec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { type: 'corrupt', reason: `invalid ${String(rec['kind'])} record: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'schema mismatch'}` };
  }
  // Schema-valid is not enough: a date past JavaScript's range or an absurd count would fail every later use.
  const problem = recordRangeProblem(parsed.data);
  if (problem) return { type: 'corrupt', reason: `out-of-range ${parsed.data.kind} record: ${problem}` };
  return { type: 'event', event: parsed.data };
}

export function encodeEvent(event: DriftEvent): string {
  return JSON.stringify(event);
}
