/**
 * Realistic records for the team upload tests: assistant edits with their outcome, 5-minute survival, follow-up
 * fixes, findings and final score. Every free-text field (code, replaced code, region text, file path, finding
 * message and key) carries a unique canary string, so a test can prove none of it reaches a payload, a queue or a log.
 */
import type { DriftEvent, DriftEventInput } from '../../src/core/schema/events.js';

export interface CellSpec {
  assistant?: string;
  assistantVersion?: string;
  model?: string;
  language?: string;
  edits: number;
  /** Epoch ms of the first edit (edits follow a minute apart). */
  start: number;
  tz?: number;
  /** Score of edit i (default 40 + 7i mod 61). */
  score?: (i: number) => number;
}

let seq = 0;
/** Canary strings planted in this process, for the leak checks. */
export const plantedCanaries: string[] = [];

function canary(kind: string): string {
  const c = `CANARY${kind}${(++seq).toString(36)}Z${Math.random().toString(36).slice(2, 8)}`;
  plantedCanaries.push(c);
  return c;
}

/** Records (as store inputs) for one cell's edits and everything that follows each edit. */
export function cellInputs(spec: CellSpec): DriftEventInput[] {
  const out: DriftEventInput[] = [];
  const assistant = spec.assistant ?? 'copilot';
  const language = spec.language ?? 'python';
  const tz = spec.tz ?? 0;
  for (let i = 0; i < spec.edits; i++) {
    const ts = spec.start + i * 60_000;
    const id = `e${(++seq).toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    const ident = canary('IDENT');
    const ref = { editId: id, editTs: ts, editTz: tz, assistant, ...(spec.model !== undefined ? { model: spec.model } : {}), language };
    out.push({
      kind: 'assistant-edit',
      id,
      ts,
      tz,
      provenance: 'ai-inline',
      channel: 'inline-heuristic',
      assistant,
      ...(spec.assistantVersion !== undefined ? { assistantVersion: spec.assistantVersion } : {}),
      ...(spec.model !== undefined ? { model: spec.model } : {}),
      language,
      file: `src/${canary('PATH')}/secret_${canary('FILE')}.py`,
      range: { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } },
      linesAdded: 3,
      linesRemoved: 0,
      charsInserted: 60,
      charsReplaced: 0,
      text: `# ${canary('COMMENT')}\ndef ${ident}(xs):\n    return [x for x in xs]\n`,
      replacedText: `old_${canary('OLD')}`,
    } as DriftEventInput);
    const outcome = (['accepted', 'accepted', 'modified', 'rejected', 'deleted'] as const)[i % 5]!;
    out.push({ kind: 'edit-outcome', ts: ts + 1000, tz, ref, outcome } as DriftEventInput);
    out.push({
      kind: 'survival',
      ts: ts + 300_000,
      tz,
      ref,
      checkpoint: 300,
      distanceRatio: i % 3 === 0 ? 0.5 : 0.1,
      unchanged: i % 3 !== 0,
      fourGramSurvival: 0.8,
      regionDeleted: false,
      regionText: `def ${ident}(xs): # ${canary('REGION')}`,
    } as DriftEventInput);
    // ARC at 5 minutes: 56 of the 60 characters accepted, a third of them later overwritten.
    out.push({ kind: 'arc', ts: ts + 300_000, tz, ref, schedule: 'inline', checkpoint: 300, acceptedChars: 56, retainedChars: i % 3 === 0 ? 20 : 56 } as DriftEventInput);
    if (i % 4 === 0) {
      out.push({ kind: 'follow-up-fix', ts: ts + 20_000, tz, ref, fixIndex: 1, provenance: 'typed', charsChanged: 4, msSinceEdit: 20_000 } as DriftEventInput);
    }
    if (i % 2 === 0) {
      out.push({
        kind: 'finding',
        ts: ts + 2000,
        tz,
        ref,
        findingKey: `loop.manual-comprehension@${canary('KEY')}`,
        ruleId: i % 4 === 0 ? 'oop.god-class' : 'loop.manual-comprehension',
        severity: 'warning',
        range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } },
        status: 'open',
        message: `Loop in ${ident} builds a list ${canary('MSG')}`,
        at: 0,
      } as DriftEventInput);
    }
    out.push({
      kind: 'edit-score',
      ts: ts + 900_000,
      tz,
      ref,
      score: spec.score ? spec.score(i) : (40 + 7 * i) % 61 + 30,
      components: { lint: 0.5, survival: 1 },
      linesChanged: 3,
      final: true,
    } as DriftEventInput);
  }
  return out;
}

/** Stamps inputs into full records (what a store would hand back). */
export function stamped(inputs: readonly DriftEventInput[]): DriftEvent[] {
  return inputs.map((e, i) => ({ schema: 1, id: (e as { id?: string }).id ?? `r${++seq}x${i}`, tz: 0, ...e }) as DriftEvent);
}
