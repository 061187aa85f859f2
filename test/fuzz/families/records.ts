/** Generators of valid records and hostile values shared by the store families. */
import * as fc from 'fast-check';
import type { DriftEvent } from '../../../src/core/schema/events.js';

const BASE = Date.UTC(2026, 10, 18);

/** Numbers that break naive code: huge, negative, fractional, past JavaScript dates, non-finite via JSON (1e999). */
export const extremeNumber = fc.oneof(
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 8.64e15, 9e15, 9_000_000_000_000_000, 1e300, -1e300, 0.5, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.double(),
  fc.integer(),
);

/** A valid record (assistant edit or one of its follow-ups) with a given id. */
export function recordWithId(id: string, offsetMin: number, kind: number): DriftEvent {
  const ts = BASE + offsetMin * 60_000;
  const ref = { editId: `e-${id}`, editTs: ts, editTz: 0, assistant: 'copilot', language: 'python' };
  switch (kind % 3) {
    case 0:
      return {
        schema: 1, id, ts, tz: 0, kind: 'assistant-edit', provenance: 'ai-inline', channel: 'inline-heuristic', assistant: 'copilot', language: 'python',
        file: 'a.py', range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, linesAdded: 1, linesRemoved: 0, charsInserted: 5, charsReplaced: 0,
      };
    case 1:
      return { schema: 1, id, ts: ts + 1000, tz: 0, kind: 'edit-outcome', ref, outcome: 'accepted' };
    default:
      return { schema: 1, id, ts: ts + 300_000, tz: 0, kind: 'survival', ref, checkpoint: 300, distanceRatio: 0.1, unchanged: true, fourGramSurvival: 0.9, regionDeleted: false };
  }
}

export const validRecord = fc
  .tuple(fc.string({ unit: fc.constantFrom(...'abcdef0123456789'), minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 4 * 24 * 60 }), fc.nat(2))
  .map(([id, off, kind]) => recordWithId(id, off, kind));
