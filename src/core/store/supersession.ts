/**
 * "The newest rule set per edit wins" for rollups. An edit's lint evidence is stated once at capture (its `finding`
 * records and final `edit-score`, tagged with the rule set that produced them) and again by every background
 * re-score (`rescore` records, one per rule set). Rollups fold every statement as it is read; this tracker remembers
 * a compact summary of each and, once a day's records are all folded, takes out every statement that lost, so each
 * edit counts exactly once, under its newest rule set — whatever order the records were read in.
 */
import type { DriftEvent, EditRef, Severity } from '../schema/events.js';
import { LEGACY_RULE_SET, ruleSetRevision } from '../lint/ruleSet.js';
import type { Day } from '../time/day.js';
import { bucketOfRef, foldFinding, foldScore, rollupDayOf, type DailyRollup } from './rollup.js';

interface Statement {
  ref: EditRef;
  day: Day;
  ruleSet: string;
  /** Re-scores outrank the capture-time statement at the same revision; later re-scores outrank earlier ones. */
  rescore: boolean;
  ts: number;
  findings: Map<string, { severity: Severity; open: number; fixed: number }>;
  score?: { value: number; components: Record<string, number> };
}

function outranks(a: Statement, b: Statement): boolean {
  const ra = ruleSetRevision(a.ruleSet);
  const rb = ruleSetRevision(b.ruleSet);
  if (ra !== rb) return ra > rb;
  if (a.rescore !== b.rescore) return a.rescore;
  return a.ts > b.ts;
}

export class Supersession {
  private readonly originals = new Map<string, Statement>();
  private readonly rescores = new Map<string, Statement[]>();

  /** Notes a record that was just folded into the rollups. */
  observe(event: DriftEvent): void {
    if (event.kind === 'finding') {
      const s = this.original(event.ref, rollupDayOf(event));
      const f = s.findings.get(event.ruleId) ?? { severity: event.severity, open: 0, fixed: 0 };
      if (event.status === 'open') f.open++;
      else f.fixed++;
      s.findings.set(event.ruleId, f);
    } else if (event.kind === 'edit-score' && event.final) {
      const s = this.original(event.ref, rollupDayOf(event));
      s.ruleSet = event.ruleSet ?? LEGACY_RULE_SET;
      s.score = { value: event.score, components: event.components };
    } else if (event.kind === 'rescore' && event.status === 'rescored') {
      const list = this.rescores.get(event.ref.editId) ?? [];
      list.push({
        ref: event.ref,
        day: rollupDayOf(event),
        ruleSet: event.ruleSet,
        rescore: true,
        ts: event.ts,
        findings: new Map(event.findings.map((f) => [f.ruleId, { severity: f.severity, open: f.open, fixed: f.fixed }])),
        ...(event.score !== undefined ? { score: { value: event.score, components: event.components ?? {} } } : {}),
      });
      this.rescores.set(event.ref.editId, list);
    }
  }

  private original(ref: EditRef, day: Day): Statement {
    let s = this.originals.get(ref.editId);
    if (!s) this.originals.set(ref.editId, (s = { ref, day, ruleSet: LEGACY_RULE_SET, rescore: false, ts: 0, findings: new Map() }));
    return s;
  }

  /** Takes every superseded statement out of `rollups`. Returns how many edits had more than one statement. */
  retractLosers(rollups: Map<Day, DailyRollup>): number {
    let edits = 0;
    for (const [editId, list] of this.rescores) {
      const original = this.originals.get(editId);
      const all = original ? [original, ...list] : list;
      if (all.length < 2) continue;
      edits++;
      let winner = all[0]!;
      for (const s of all) if (outranks(s, winner)) winner = s;
      for (const s of all) if (s !== winner) retract(rollups, s);
    }
    return edits;
  }
}

function retract(rollups: Map<Day, DailyRollup>, s: Statement): void {
  const r = rollups.get(s.day);
  if (!r) return;
  const b = bucketOfRef(r, s.ref);
  for (const [ruleId, f] of s.findings) foldFinding(b, ruleId, f.severity, f.open, f.fixed, -1);
  if (s.score) {
    foldScore(b, s.score.value, s.score.components, -1);
    r.ruleSets[s.ruleSet] = (r.ruleSets[s.ruleSet] ?? 0) - 1;
    if (r.ruleSets[s.ruleSet] === 0) delete r.ruleSets[s.ruleSet];
  }
  // A rule whose findings all moved to the winning statement leaves no empty row behind.
  for (const [ruleId] of s.findings) {
    const f = b.findings[ruleId];
    if (f && f.open === 0 && f.fixed === 0 && f.notAProblem === 0) delete b.findings[ruleId];
  }
}
