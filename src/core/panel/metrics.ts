/**
 * Additive counters over rollup buckets and the rates derived from them. Shared by the chart series, the breakdowns
 * and the headline so every number on the panel is computed the same way.
 */
import type { Bucket } from '../store/rollup.js';
import { SCORE_COMPONENT_KEYS, type BreakdownRow, type ComponentMeans } from './panelData.js';

export interface MetricAcc {
  edits: number;
  lines: number;
  chars: number;
  scoreN: number;
  scoreSum: number;
  /** Final scores in the rollup's 21 bins of width 5, for rank tests (drift) without raw scores. */
  hist: number[];
  components: Record<string, { n: number; sum: number }>;
  kept: number;
  outcomes: number;
  rejected: number;
  unchanged5: number;
  checked5: number;
  /** ARC at 300 s (a checkpoint of both VS Code schedules): characters accepted and retained. */
  arcAccepted5: number;
  arcRetained5: number;
  editsFixed: number;
  findings: number;
}

export function emptyMetrics(): MetricAcc {
  return { edits: 0, lines: 0, chars: 0, scoreN: 0, scoreSum: 0, hist: [], components: {}, kept: 0, outcomes: 0, rejected: 0, unchanged5: 0, checked5: 0, arcAccepted5: 0, arcRetained5: 0, editsFixed: 0, findings: 0 };
}

export function addBucket(acc: MetricAcc, b: Bucket): void {
  acc.edits += b.edits;
  acc.lines += b.linesAdded;
  acc.chars += b.charsInserted;
  acc.scoreN += b.scores.n;
  acc.scoreSum += b.scores.sum;
  for (let k = 0; k < b.scores.hist.length; k++) acc.hist[k] = (acc.hist[k] ?? 0) + (b.scores.hist[k] ?? 0);
  // Rollups written before v2 have no component sums; treat them as empty rather than failing.
  for (const [k, c] of Object.entries(b.scores.components ?? {})) {
    const t = (acc.components[k] ??= { n: 0, sum: 0 });
    t.n += c.n;
    t.sum += c.sum;
  }
  acc.kept += b.outcomes.accepted + b.outcomes.modified;
  acc.outcomes += b.outcomes.accepted + b.outcomes.modified + b.outcomes.rejected + b.outcomes.deleted;
  acc.rejected += b.outcomes.rejected + b.proposals.rejected;
  const s5 = b.survival['300'];
  if (s5) {
    acc.unchanged5 += s5.unchanged;
    acc.checked5 += s5.n;
  }
  const arc5 = b.arc?.['300'];
  if (arc5) {
    acc.arcAccepted5 += arc5.accepted;
    acc.arcRetained5 += arc5.retained;
  }
  acc.editsFixed += b.fixes.editsFixed;
  for (const f of Object.values(b.findings)) acc.findings += f.open;
}

/** Adds one accumulator into another (drift merges per-day accumulators into windows). */
export function mergeMetrics(into: MetricAcc, from: MetricAcc): void {
  into.edits += from.edits;
  into.lines += from.lines;
  into.chars += from.chars;
  into.scoreN += from.scoreN;
  into.scoreSum += from.scoreSum;
  for (let k = 0; k < from.hist.length; k++) into.hist[k] = (into.hist[k] ?? 0) + (from.hist[k] ?? 0);
  for (const [k, c] of Object.entries(from.components)) {
    const t = (into.components[k] ??= { n: 0, sum: 0 });
    t.n += c.n;
    t.sum += c.sum;
  }
  into.kept += from.kept;
  into.outcomes += from.outcomes;
  into.rejected += from.rejected;
  into.unchanged5 += from.unchanged5;
  into.checked5 += from.checked5;
  into.arcAccepted5 += from.arcAccepted5;
  into.arcRetained5 += from.arcRetained5;
  into.editsFixed += from.editsFixed;
  into.findings += from.findings;
}

const ratio = (x: number, n: number): number | null => (n > 0 ? x / n : null);
const round = (x: number | null, digits = 4): number | null => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

export interface MetricValues {
  score: number | null;
  acceptance: number | null;
  survival5m: number | null;
  /** ARC at 5 min: retained / accepted characters, VS Code's definition. */
  arc5m: number | null;
  fixRate: number | null;
  findingsPer100: number | null;
  components: ComponentMeans;
}

/**
 * Rates of an accumulator: mean score, acceptance (kept / outcomes), survival@5 min (unchanged / checked), ARC@5 min
 * (retained / accepted characters), …
 */
export function metricValues(acc: MetricAcc): MetricValues {
  const components = {} as ComponentMeans;
  for (const k of SCORE_COMPONENT_KEYS) {
    const c = acc.components[k];
    components[k] = round(c ? ratio(c.sum, c.n) : null, 2);
  }
  return {
    score: round(ratio(acc.scoreSum, acc.scoreN), 2),
    acceptance: round(ratio(acc.kept, acc.outcomes)),
    survival5m: round(ratio(acc.unchanged5, acc.checked5)),
    arc5m: round(ratio(acc.arcRetained5, acc.arcAccepted5)),
    fixRate: round(ratio(acc.editsFixed, acc.edits)),
    findingsPer100: round(acc.lines > 0 ? (100 * acc.findings) / acc.lines : null, 3),
    components,
  };
}

export function breakdownRow(key: string, acc: MetricAcc): BreakdownRow {
  return { key, edits: acc.edits, ...metricValues(acc) };
}
