/**
 * A seeded history for the evidence report's tests: the demo generator's 60 days with a planted 2× findings rise for
 * claude-code after it updates to 1.0.31, one rule (`loop.string-concat-in-loop`) rising far more than the others,
 * and canary edits whose path, code and finding message must never reach a bundle unless the user chose the code.
 */
import { generateDemoHistory } from '../../src/core/demo/demoHistory.js';
import { ALL_RULES } from '../../src/core/lint/registry.js';
import { ruleSetId } from '../../src/core/lint/ruleSet.js';
import type { AssistantEditEvent, DriftEvent } from '../../src/core/schema/events.js';
import { addDays, dayOf } from '../../src/core/time/day.js';

export const EVIDENCE_END_TS = Date.UTC(2026, 10, 27, 17);
export const EVIDENCE_TODAY = dayOf(EVIDENCE_END_TS, 0);
/** First day of the planted drift (6 days before the end). */
export const EVIDENCE_CHANGE_DAY = addDays(EVIDENCE_TODAY, -5);
export const SURGING_RULE = 'loop.string-concat-in-loop';
export const CANARY = { path: 'CANARYPATH/secret_module_7731.py', code: 'CANARY_CODE_5512', message: 'CANARY_MSG_9931' } as const;
/** Ids of the two canary edits (in the drift window, with findings of the surging rule). */
export const CANARY_IDS = ['canary-edit-a', 'canary-edit-b'] as const;

export interface EvidenceHistoryOptions {
  /** "Now" (default {@link EVIDENCE_END_TS}). */
  endTs?: number;
  /** UTC offset of the records in minutes (default 0). */
  tz?: number;
  /** Local hours edits fall in (default the demo's working hours). */
  hours?: [number, number];
}

export function evidenceHistory(o: EvidenceHistoryOptions = {}): DriftEvent[] {
  const endTs = o.endTs ?? EVIDENCE_END_TS;
  const tz = o.tz ?? 0;
  const out: DriftEvent[] = [];
  const changeTs = Date.parse(`${addDays(dayOf(endTs, tz), -5)}T00:00:00Z`) - tz * 60_000;
  for (const e of generateDemoHistory({ days: 60, endTs, tz, seed: 7, detail: 'full', codeText: true, drift: { assistant: 'claude-code', daysAgo: 6, toVersion: '1.0.31', factor: 2 }, ...(o.hours ? { hours: o.hours } : {}) })) {
    out.push(e);
    // Every other python edit of claude-code after the update gets one more finding of the surging rule.
    if (e.kind === 'assistant-edit' && e.assistant === 'claude-code' && e.language === 'python' && e.ts >= changeTs && out.length % 2 === 0) out.push(extraFinding(e, `${e.id}-surge`));
  }
  CANARY_IDS.forEach((id, i) => {
    // Minutes before "now", so they fall on the last day whatever the hour.
    const ts = endTs - (i + 2) * 60_000;
    const edit: AssistantEditEvent = {
      schema: 1,
      id,
      ts,
      tz,
      kind: 'assistant-edit',
      provenance: 'ai-agent',
      channel: 'hook',
      assistant: 'claude-code',
      assistantVersion: '1.0.31',
      model: 'claude-sonnet-4',
      language: 'python',
      file: CANARY.path,
      range: { start: { line: 10, character: 0 }, end: { line: 12, character: 0 } },
      linesAdded: 3,
      linesRemoved: 0,
      charsInserted: 60,
      charsReplaced: 0,
      text: `def canary():\n    ${CANARY.code} = ''\n    for x in xs: ${CANARY.code} += x\n`,
      sized: true,
    };
    out.push(edit, extraFinding(edit, `${id}-f`, `${CANARY.message}: string built in a loop`));
  });
  return out;
}

function extraFinding(e: AssistantEditEvent, id: string, message?: string): DriftEvent {
  const line = e.range.start.line + Math.max(0, e.linesAdded - 1);
  return {
    schema: 1,
    id,
    ts: e.ts + 900,
    tz: e.tz,
    kind: 'finding',
    ref: { editId: e.id, editTs: e.ts, editTz: e.tz, assistant: e.assistant, ...(e.model !== undefined ? { model: e.model } : {}), language: e.language, lines: e.linesAdded },
    findingKey: `${SURGING_RULE}@extra`,
    ruleId: SURGING_RULE,
    severity: 'warning',
    range: { start: { line, character: 0 }, end: { line, character: 4 } },
    status: 'open',
    ...(message !== undefined ? { message } : {}),
    at: 0,
    // Scored by this build's rules, like the demo history around it: background re-scoring leaves these edits as seeded.
    ruleSet: ruleSetId(ALL_RULES),
  };
}
