/**
 * Background re-scoring of a store under the current rule set: finds the days whose edits were scored by an older
 * rule set (from the daily rollups, without reading raw events), re-lints each stored edit text and writes one
 * `rescore` record per edit, a day at a time. Resumable by construction: what is done is visible in the store (the
 * day's rollup counts the edit under the new rule set) and a re-score's id is a function of (edit, rule set), so a
 * run killed at any point re-does at most the unwritten part of one day and can never count an edit twice.
 */
import type { DriftEvent, DriftEventInput } from '../schema/events.js';
import type { EventStore } from '../store/eventStore.js';
import { rollupDayOf, type DailyRollup } from '../store/rollup.js';
import type { ScoreWeights } from '../scoring/score.js';
import { addDays, type Day } from '../time/day.js';
import { effectiveRuleSet, needsRescore, rescoreEdit, rescoreId, type EditHistory, type SnippetLinter } from './rescoreEdit.js';

export interface RescoreProgress {
  /** Days that had work when the run started, and how many of them are finished. */
  days: number;
  daysDone: number;
  /** Edits looked at, re-linted, and left as they were because their text was not stored. */
  edits: number;
  rescored: number;
  noText: number;
}

export interface RescoreOptions {
  store: EventStore;
  /** The current rule-set id (`ruleSetId(ALL_RULES)`). */
  ruleSet: string;
  lint: SnippetLinter;
  weights?: ScoreWeights;
  /** Awaited between edits: the host yields to other work here (low priority). */
  pause?: () => Promise<void>;
  onProgress?: (p: Readonly<RescoreProgress>) => void;
  /** Checked between edits; a cancelled run writes what it finished and stops. */
  cancelled?: () => boolean;
}

export interface RescoreSummary extends RescoreProgress {
  cancelled: boolean;
  ms: number;
}

/** Edits of a day scored by a rule set that `ruleSet` supersedes, minus those already found to have no text. */
export function pendingEdits(r: DailyRollup, ruleSet: string): number {
  let n = 0;
  for (const [from, count] of Object.entries(r.ruleSets)) if (needsRescore(from, ruleSet)) n += count;
  return Math.max(0, n - (r.ruleSetChecks[ruleSet] ?? 0));
}

/** Days (oldest first) with edits to re-score under `ruleSet`. */
export function daysToRescore(rollups: readonly DailyRollup[], ruleSet: string): Day[] {
  return rollups
    .filter((r) => pendingEdits(r, ruleSet) > 0)
    .map((r) => r.day)
    .sort();
}

/**
 * Records the rule-set change when `ruleSet` is newer than the latest one the store knows (once: its id is fixed per
 * rule set). Without an earlier rule-set record, the change is from whatever rules scored most of the history (e.g.
 * `legacy`); history already scored by `ruleSet` only (or none) is a first sighting, drawn as no marker.
 */
export function noteRuleSet(store: EventStore, ruleSet: string, now: number): DriftEvent | undefined {
  let latest: { ts: number; ruleSet: string } | undefined;
  const others = new Map<string, number>();
  for (const r of store.rollups()) {
    for (const c of r.ruleSetChanges) if (!latest || c.ts >= latest.ts) latest = c;
    for (const [rs, n] of Object.entries(r.ruleSets)) if (rs !== ruleSet) others.set(rs, (others.get(rs) ?? 0) + n);
  }
  if (latest && !needsRescore(latest.ruleSet, ruleSet)) return undefined;
  const previous = latest?.ruleSet ?? [...others].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const [stored] = store.append({ kind: 'rule-set', id: rescoreId('rule-set', ruleSet), ts: now, ruleSet, ...(previous !== undefined ? { previousRuleSet: previous } : {}) });
  return stored;
}

/** Groups one rollup day's records by edit. */
function editsOfDay(records: readonly DriftEvent[], day: Day): EditHistory[] {
  const edits = new Map<string, DriftEvent & { kind: 'assistant-edit' }>();
  const byEdit = new Map<string, DriftEvent[]>();
  for (const r of records) {
    if (rollupDayOf(r) !== day) continue;
    if (r.kind === 'assistant-edit') edits.set(r.id, r);
    else if ('ref' in r) {
      const list = byEdit.get(r.ref.editId) ?? [];
      list.push(r);
      byEdit.set(r.ref.editId, list);
    }
  }
  return [...edits.values()].sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : 1)).map((edit) => ({ edit, records: byEdit.get(edit.id) ?? [] }));
}

/** Re-scores every day that needs it, oldest first. */
export async function rescoreStore(o: RescoreOptions): Promise<RescoreSummary> {
  const started = Date.now();
  const days = daysToRescore(o.store.rollups(), o.ruleSet);
  const p: RescoreProgress = { days: days.length, daysDone: 0, edits: 0, rescored: 0, noText: 0 };
  o.onProgress?.(p);
  let cancelled = false;
  for (const day of days) {
    const records: DriftEvent[] = [];
    // Reading a day decodes and validates hundreds of records: pause between slices of them too.
    for await (const r of o.store.read({ since: day, until: addDays(day, 1) })) if (records.push(r) % 100 === 0) await o.pause?.();
    const out: DriftEventInput[] = [];
    for (const h of editsOfDay(records, day)) {
      if (o.cancelled?.()) {
        cancelled = true;
        break;
      }
      if (!needsRescore(effectiveRuleSet(h), o.ruleSet)) continue;
      if (h.records.some((r) => r.kind === 'rescore' && r.ruleSet === o.ruleSet)) continue;
      const rec = await rescoreEdit(h, o.ruleSet, o.lint, o.weights);
      out.push(rec);
      p.edits++;
      if (rec.status === 'rescored') p.rescored++;
      else p.noText++;
      o.onProgress?.(p);
      await o.pause?.();
    }
    if (out.length > 0) {
      o.store.append(out);
      await o.store.flush();
    }
    if (cancelled) break;
    p.daysDone++;
    o.onProgress?.(p);
  }
  return { ...p, cancelled, ms: Date.now() - started };
}
