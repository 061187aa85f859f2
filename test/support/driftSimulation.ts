/**
 * Simulated assistant histories for drift detection: unit tests (isolation, stratification, change-point, power
 * points) and the power benchmark (bench/drift.bench.ts) share it. Each history is a stream of records of the kinds
 * capture writes (assistant edit, outcome, survival@5 min, follow-up fix, findings, score), folded into daily rollups
 * by the store's own `applyToRollups`, so the detector sees exactly what it sees in the product.
 *
 * The model: an edit's language and size class are drawn from a mix; its lines from the class; findings are
 * Poisson(rate × lines) with a rate that depends on language and size; "unchanged at 5 min" is Bernoulli with a
 * probability that depends on size; a planted change multiplies the finding rate and/or subtracts points from
 * survival from a given day on; a mix shift changes the language/size mix without changing quality.
 */
import type { DriftEvent } from '../../src/core/schema/events.js';
import { applyToRollups, type DailyRollup } from '../../src/core/store/rollup.js';
import { addDays, type Day } from '../../src/core/time/day.js';
import { hashSeed, poisson, seededRandom, type Random } from '../../src/core/util/random.js';
import { editSizeClass } from '../../src/core/store/editSize.js';

export interface SimChange {
  /** Day index (0 = first day of the history) from which the change applies. */
  day: number;
  /** Multiplies the finding rate per line. Default 1. */
  findingsFactor?: number;
  /** Absolute drop of the probability an edit is unchanged at 5 min (0.05 = 5 points). Default 0. */
  survivalDrop?: number;
  /** Record an assistant version change on that day. */
  version?: string;
}

export interface SimAssistant {
  id: string;
  editsPerWeek: number;
  change?: SimChange;
  /** From `day` on, the share of large edits and of TypeScript changes (no quality change). */
  mixShift?: { day: number; large: number; typescript: number };
}

export interface SimOptions {
  days: number;
  /** First day of the history. */
  start: Day;
  seed: number;
  assistants: SimAssistant[];
}

/** Base finding rate per changed line, by language and size class. */
const FINDING_RATE: Record<string, Record<string, number>> = {
  python: { s: 0.02, m: 0.035, l: 0.06 },
  typescript: { s: 0.04, m: 0.06, l: 0.1 },
};
/** Probability an edit is unchanged at 5 minutes, by size class. */
const SURVIVAL: Record<string, number> = { s: 0.85, m: 0.72, l: 0.55 };

function linesFor(rand: Random, large: boolean): number {
  if (large) return 16 + Math.floor(rand() * 30);
  const u = rand();
  return u < 0.55 ? 1 + Math.floor(rand() * 2) : 3 + Math.floor(rand() * 13);
}

/** Generates the rollups of a simulated history, oldest day first. */
export function simulateRollups(options: SimOptions): DailyRollup[] {
  // One random stream per assistant, so changing one assistant never changes another's history.
  const streams = new Map(options.assistants.map((a) => [a.id, seededRandom((options.seed ^ hashSeed(a.id)) >>> 0)]));
  const map = new Map<Day, DailyRollup>();
  let n = 0;
  const apply = (e: Omit<DriftEvent, 'schema' | 'id'>): void => {
    applyToRollups(map, { schema: 1, id: `e${n++}`, ...e } as DriftEvent);
  };
  for (let d = 0; d < options.days; d++) {
    const day = addDays(options.start, d);
    const dayTs = Date.parse(`${day}T12:00:00Z`);
    for (const a of options.assistants) {
      const rand = streams.get(a.id)!;
      const changed = a.change !== undefined && d >= a.change.day;
      if (a.change?.version && d === a.change.day) apply({ ts: dayTs - 3_600_000, tz: 0, kind: 'assistant-version', assistant: a.id, previousVersion: '1.0.0', version: a.change.version } as Omit<DriftEvent, 'schema' | 'id'>);
      const shifted = a.mixShift !== undefined && d >= a.mixShift.day;
      const largeShare = shifted ? a.mixShift!.large : 0.1;
      const tsShare = shifted ? a.mixShift!.typescript : 0.5;
      const edits = poisson(rand, a.editsPerWeek / 7);
      for (let i = 0; i < edits; i++) {
        const ts = dayTs + i * 1000;
        const language = rand() < tsShare ? 'typescript' : 'python';
        const lines = linesFor(rand, rand() < largeShare);
        const size = editSizeClass(lines);
        const editId = `${a.id}-${d}-${i}`;
        const ref = { editId, editTs: ts, editTz: 0, assistant: a.id, language, lines };
        apply({ ts, tz: 0, kind: 'assistant-edit', provenance: 'ai-chat', channel: 'workspace-edit', assistant: a.id, language, file: 'f', range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } }, linesAdded: lines, linesRemoved: 0, charsInserted: lines * 30, charsReplaced: 0, sized: true } as Omit<DriftEvent, 'schema' | 'id'>);
        const findings = poisson(rand, FINDING_RATE[language]![size]! * lines * (changed ? (a.change!.findingsFactor ?? 1) : 1));
        for (let f = 0; f < findings; f++) apply({ ts, tz: 0, kind: 'finding', ref, findingKey: `k${f}`, ruleId: 'loop.manual-index', severity: 'warning', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, status: 'open', at: 0 } as Omit<DriftEvent, 'schema' | 'id'>);
        const kept = rand() < 0.92;
        apply({ ts: ts + 10_000, tz: 0, kind: 'edit-outcome', ref, outcome: kept ? 'accepted' : 'rejected' } as Omit<DriftEvent, 'schema' | 'id'>);
        const unchanged = kept && rand() < SURVIVAL[size]! - (changed ? (a.change!.survivalDrop ?? 0) : 0);
        if (kept) apply({ ts: ts + 300_000, tz: 0, kind: 'survival', ref, checkpoint: 300, distanceRatio: unchanged ? 0 : 0.5, unchanged, fourGramSurvival: unchanged ? 1 : 0.5, regionDeleted: false } as Omit<DriftEvent, 'schema' | 'id'>);
        const fixed = rand() < (unchanged ? 0.05 : 0.4);
        if (fixed) apply({ ts: ts + 200_000, tz: 0, kind: 'follow-up-fix', ref, fixIndex: 1, provenance: 'typed', charsChanged: 5, msSinceEdit: 200_000 } as Omit<DriftEvent, 'schema' | 'id'>);
        const lint = Math.exp((-5 * findings) / Math.max(1, lines));
        const score = Math.round(100 * (0.4 * lint + 0.2 + 0.25 * (unchanged ? 1 : kept ? 0.5 : 0) + 0.15 * (fixed ? 0.6 : 1)));
        apply({ ts: ts + 900_000, tz: 0, kind: 'edit-score', ref, score, components: { lint }, linesChanged: lines, final: true } as Omit<DriftEvent, 'schema' | 'id'>);
      }
    }
  }
  return [...map.values()].sort((x, y) => x.day.localeCompare(y.day));
}

/** What the oracle tests read from a window of days: findings over lines, and survival@5 min unchanged over checked. */
export interface WindowSums {
  findings: number;
  lines: number;
  unchanged: number;
  checked: number;
}

/** Sums the oracle's counts over the days `since`…`until` (inclusive) of simulated rollups. */
export function windowSums(rollups: readonly DailyRollup[], since: Day, until: Day): WindowSums {
  const s: WindowSums = { findings: 0, lines: 0, unchanged: 0, checked: 0 };
  for (const r of rollups) {
    if (r.day < since || r.day > until) continue;
    for (const b of Object.values(r.buckets)) {
      s.lines += b.linesAdded;
      for (const f of Object.values(b.findings)) s.findings += f.open;
      const s5 = b.survival['300'];
      if (s5) {
        s.unchanged += s5.unchanged;
        s.checked += s5.n;
      }
    }
  }
  return s;
}

function logFactorials(n: number): number[] {
  const out = [0];
  for (let i = 1; i <= n; i++) out.push(out[i - 1]! + Math.log(i));
  return out;
}

/** One-sided exact conditional Poisson test: P(X ≥ a) for X ~ Binomial(a + b, e1 / (e1 + e0)). */
export function exactPoissonRateP(a: number, e1: number, b: number, e0: number): number {
  const n = a + b;
  if (n === 0 || e1 <= 0 || e0 <= 0) return 1;
  const p = e1 / (e1 + e0);
  const lf = logFactorials(n);
  let tail = 0;
  for (let k = a; k <= n; k++) tail += Math.exp(lf[n]! - lf[k]! - lf[n - k]! + k * Math.log(p) + (n - k) * Math.log1p(-p));
  return Math.min(1, tail);
}

/** One-sided Fisher exact test that group 1 has FEWER successes: P(X ≤ x1) under the hypergeometric null. */
export function fisherLowerP(x1: number, n1: number, x0: number, n0: number): number {
  const m = x1 + x0;
  const N = n1 + n0;
  if (n1 === 0 || n0 === 0) return 1;
  const lf = logFactorials(N);
  const logChoose = (a: number, b: number): number => lf[a]! - lf[b]! - lf[a - b]!;
  let tail = 0;
  for (let k = Math.max(0, m - n0); k <= x1; k++) tail += Math.exp(logChoose(m, k) + logChoose(N - m, n1 - k) - logChoose(N, n1));
  return Math.min(1, tail);
}
