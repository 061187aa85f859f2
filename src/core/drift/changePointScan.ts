/**
 * The change-point scan behind drift v2: for every candidate day on which a change could have begun, compare the
 * days from that day on with the days before it, stratum by stratum, and take the candidate where the stratified
 * statistic is largest in the "worse" direction. That maximum is both the change-point estimate and the test
 * statistic; its p-value comes from the exact conditional null distribution of the maximum, by Monte Carlo.
 *
 * Two data shapes, each with the test that fits it:
 *
 * - **counts with exposure** (findings over changed lines): conditional on each stratum's total count, the counts
 *   of its days are multinomial with probabilities proportional to exposure under "no change" (the conditional
 *   Poisson test). The statistic at a candidate is the stratified score statistic Σ(a − F·p) / √Σ F·p(1 − p), with
 *   a the stratum's count after the candidate, F its total and p the after-share of its exposure.
 * - **categories per unit** (an edit kept or not, unchanged or not, fixed or not; a score bin): conditional on each
 *   stratum's pooled categories, the units are a random split into days (the permutation null). The statistic is a
 *   stratified linear rank statistic: with 0/1 scores and unit weights it is Cochran–Mantel–Haenszel, with mid-rank
 *   scores and weights 1/(N + 1) it is van Elteren's stratified Wilcoxon.
 *
 * Conditioning on the stratum margins is what makes the test compare like with like: a stratum (language × edit
 * size) whose share of the work moved between windows cannot move the statistic.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { binomial, type Random } from './random.js';

/** One stratum of a count metric: per day (oldest first) the count and its exposure. */
export interface CountStratum {
  counts: readonly number[];
  exposure: readonly number[];
}

/**
 * One stratum of a categorical metric: per day (oldest first) the units in each category. `score[k]` orders the
 * categories by how bad they are (higher = worse); `weight` is the stratum's weight in the sum.
 */
export interface CategoryStratum {
  days: readonly (readonly number[])[];
}

export type CategoryWeighting = 'cmh' | 'van-elteren';

export interface ScanOptions {
  /** Day indexes (into the strata arrays) where the "after" window may start, ascending. */
  candidates: readonly number[];
  rand: Random;
  /** Skip the Monte Carlo when the best candidate's nominal one-sided p exceeds this; report a Bonferroni bound. */
  gate: number;
  /** Maximum Monte Carlo draws (default 4999). */
  maxDraws?: number;
  /** Stop early once this many null maxima reach the observed one (sequential Monte Carlo; default 12). */
  stopAfterExceedances?: number;
}

export interface ScanResult {
  /** Day index where the change most likely began (the candidate with the largest statistic). */
  start: number;
  /** The largest standardized statistic (positive = worse after the change). */
  z: number;
  /** One-sided p of that statistic alone, as if the change day had been known (normal approximation). */
  pNominal: number;
  /** p-value of the scan: the probability, with no change, that some candidate looks at least this bad. */
  p: number;
  method: 'monte-carlo' | 'bonferroni';
  draws: number;
}

/**
 * A statistic in the form z_c = (S_c − E_c) / sd_c, where S_c is the sum over days from candidate c on of a
 * per-day quantity that the null draws can reproduce, and E_c, sd_c depend only on the conditioning margins.
 */
interface Standardized {
  expected: number[];
  sd: number[];
}

function scanObserved(perDay: readonly number[], cands: readonly number[], st: Standardized): { best: number; z: number } {
  const suffix = suffixSums(perDay);
  let best = -1;
  let z = Number.NEGATIVE_INFINITY;
  cands.forEach((c, i) => {
    const sd = st.sd[i]!;
    if (!(sd > 0)) return;
    const zc = (suffix[c]! - st.expected[i]!) / sd;
    if (zc > z) {
      z = zc;
      best = c;
    }
  });
  return { best, z };
}

function suffixSums(xs: readonly number[]): number[] {
  const out = new Array<number>(xs.length + 1).fill(0);
  for (let i = xs.length - 1; i >= 0; i--) out[i] = out[i + 1]! + xs[i]!;
  return out;
}

function maxZ(suffix: readonly number[], cands: readonly number[], st: Standardized): number {
  let z = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < cands.length; i++) {
    const sd = st.sd[i]!;
    if (!(sd > 0)) continue;
    const zc = (suffix[cands[i]!]! - st.expected[i]!) / sd;
    if (zc > z) z = zc;
  }
  return z;
}

function runScan(
  observedPerDay: readonly number[],
  st: Standardized,
  options: ScanOptions,
  drawPerDay: (into: number[]) => void,
): ScanResult | undefined {
  const cands = options.candidates;
  const { best, z } = scanObserved(observedPerDay, cands, st);
  if (best < 0 || !Number.isFinite(z)) return undefined;
  const pNominal = normalCdf(-z, 0, 1);
  const usable = cands.filter((_, i) => st.sd[i]! > 0).length;
  if (pNominal > options.gate) return { start: best, z, pNominal, p: Math.min(1, usable * pNominal), method: 'bonferroni', draws: 0 };
  const maxDraws = options.maxDraws ?? 4999;
  const stopAt = options.stopAfterExceedances ?? 12;
  const perDay = new Array<number>(observedPerDay.length).fill(0);
  const suffix = new Array<number>(observedPerDay.length + 1).fill(0);
  let exceed = 0;
  let draws = 0;
  // Compare with a hair of tolerance: the observed maximum is itself one possible draw.
  const bar = z - 1e-9;
  while (draws < maxDraws) {
    perDay.fill(0);
    drawPerDay(perDay);
    for (let i = perDay.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + perDay[i]!;
    draws++;
    if (maxZ(suffix, cands, st) >= bar) {
      exceed++;
      if (exceed >= stopAt) return { start: best, z, pNominal, p: exceed / draws, method: 'monte-carlo', draws };
    }
  }
  return { start: best, z, pNominal, p: (exceed + 1) / (draws + 1), method: 'monte-carlo', draws };
}

/** Scan of a count metric (findings over lines), stratified; "worse" = a higher rate after the change. */
export function scanCounts(strata: readonly CountStratum[], options: ScanOptions): ScanResult | undefined {
  const days = strata[0]?.counts.length ?? 0;
  const cands = options.candidates;
  const first = cands[0] ?? days;
  const totals = strata.map((s) => ({ F: sum(s.counts), T: sum(s.exposure), suffixE: suffixSums(s.exposure) }));
  const st: Standardized = { expected: [], sd: [] };
  for (const c of cands) {
    let e = 0;
    let v = 0;
    for (const t of totals) {
      if (t.F === 0 || t.T <= 0) continue;
      const p = t.suffixE[c]! / t.T;
      e += t.F * p;
      v += t.F * p * (1 - p);
    }
    st.expected.push(e);
    st.sd.push(Math.sqrt(v));
  }
  const observed = new Array<number>(days).fill(0);
  for (const s of strata) s.counts.forEach((x, d) => (observed[d]! += x));
  // The null only needs the days from the first candidate on; everything before is one block.
  const draw = (into: number[]): void => {
    strata.forEach((s, i) => {
      const t = totals[i]!;
      if (t.F === 0 || t.T <= 0) return;
      let remaining = t.F;
      let remainingE = t.T;
      for (let d = days - 1; d >= first && remaining > 0; d--) {
        const e = s.exposure[d]!;
        if (e <= 0) continue;
        const x = e >= remainingE ? remaining : binomial(options.rand, remaining, e / remainingE);
        into[d]! += x;
        remaining -= x;
        remainingE -= e;
      }
    });
  };
  return runScan(observed, st, options, draw);
}

/**
 * Scan of a categorical metric, stratified. `badness[k]` scores category k (higher = worse); with `van-elteren`
 * the scores are replaced by each stratum's mid-ranks of badness and strata are weighted 1/(N + 1).
 */
export function scanCategories(strata: readonly CategoryStratum[], badness: readonly number[], weighting: CategoryWeighting, options: ScanOptions): ScanResult | undefined {
  const days = strata[0]?.days.length ?? 0;
  const cands = options.candidates;
  const first = cands[0] ?? days;
  const K = badness.length;
  const prepared = strata.map((s) => {
    const pooled = new Array<number>(K).fill(0);
    const units = s.days.map((row) => {
      let n = 0;
      row.forEach((x, k) => {
        pooled[k]! += x;
        n += x;
      });
      return n;
    });
    const N = sum(pooled);
    const scores = weighting === 'van-elteren' ? midRanks(pooled, badness) : [...badness];
    const w = weighting === 'van-elteren' ? 1 / (N + 1) : 1;
    const mean = N > 0 ? pooled.reduce((a, x, k) => a + x * scores[k]!, 0) / N : 0;
    const ss = pooled.reduce((a, x, k) => a + x * (scores[k]! - mean) ** 2, 0);
    return { pooled, units, unitsSuffix: suffixSums(units), N, scores, w, mean, ss };
  });
  const st: Standardized = { expected: [], sd: [] };
  for (const c of cands) {
    let e = 0;
    let v = 0;
    for (const p of prepared) {
      if (p.N < 2) continue;
      const n1 = p.unitsSuffix[c]!;
      const n0 = p.N - n1;
      e += p.w * n1 * p.mean;
      v += p.w * p.w * ((n1 * n0) / (p.N * (p.N - 1))) * p.ss;
    }
    st.expected.push(e);
    st.sd.push(Math.sqrt(v));
  }
  const observed = new Array<number>(days).fill(0);
  strata.forEach((s, i) => {
    const p = prepared[i]!;
    s.days.forEach((row, d) => row.forEach((x, k) => (observed[d]! += p.w * p.scores[k]! * x)));
  });
  const urn = new Array<number>(K).fill(0);
  const draw = (into: number[]): void => {
    for (let i = 0; i < prepared.length; i++) {
      const p = prepared[i]!;
      if (p.N < 2) continue;
      for (let k = 0; k < K; k++) urn[k] = p.pooled[k]!;
      let left = p.N;
      // Deal the recent days' units from the pooled urn without replacement; the rest stays in the first block.
      for (let d = days - 1; d >= first; d--) {
        let acc = 0;
        for (let u = p.units[d]!; u > 0; u--) {
          let r = Math.floor(options.rand() * left);
          let k = 0;
          while (r >= urn[k]!) r -= urn[k++]!;
          urn[k]!--;
          left--;
          acc += p.scores[k]!;
        }
        into[d]! += p.w * acc;
      }
    }
  };
  return runScan(observed, st, options, draw);
}

/** Mid-ranks of categories ordered by badness (ties = same category). */
function midRanks(pooled: readonly number[], badness: readonly number[]): number[] {
  const order = pooled.map((_, k) => k).sort((a, b) => badness[a]! - badness[b]!);
  const ranks = new Array<number>(pooled.length).fill(0);
  let below = 0;
  for (const k of order) {
    const t = pooled[k]!;
    ranks[k] = below + (t + 1) / 2;
    below += t;
  }
  return ranks;
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
