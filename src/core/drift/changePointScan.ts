/**
 * The change-point scan behind drift v2: for every candidate day on which a change could have begun, compare the
 * days from that day on with the days before it, stratum by stratum, and take the candidate with the strongest
 * evidence in the "worse" direction. That candidate is the change-point estimate; the strength of its evidence is
 * the test statistic, and its p-value comes from the exact conditional null distribution of the scan, by Monte Carlo,
 * so trying several days is paid for.
 *
 * Two data shapes, each with the test that fits it:
 *
 * - **counts with exposure** (findings over changed lines): conditional on each stratum's total count, the counts
 *   of its days are multinomial with probabilities proportional to exposure under "no change" (the conditional
 *   Poisson test). S_c, the count from candidate c on summed over strata, is then a sum of binomials, whose exact
 *   tail gives the candidate's p-value.
 * - **categories per unit** (an edit kept or not, unchanged or not, fixed or not; a score bin): conditional on each
 *   stratum's pooled categories, the units are a random split into days (the permutation null). For yes/no outcomes
 *   S_c (bad outcomes from c on) is a sum of hypergeometrics — the exact Cochran–Mantel–Haenszel test; for score bins
 *   the statistic is van Elteren's stratified Wilcoxon (mid-rank scores, stratum weights 1/(N + 1)), standardized.
 *
 * With exact per-candidate tails the scan takes the smallest p-value over candidates (min-p), which keeps a short,
 * skewed window from dominating the way the largest z-score would. Conditioning on the stratum margins is what makes
 * the test compare like with like: a stratum (language × edit size) whose share of the work moved cannot move it.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { binomial, type Random } from '../util/random.js';
import { runToEnd } from '../util/sliced.js';

/** One stratum of a count metric: per day (oldest first) the count and its exposure. */
export interface CountStratum {
  counts: readonly number[];
  exposure: readonly number[];
}

/** One stratum of a categorical metric: per day (oldest first) the units in each category. */
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
  /** `pNominal` as a one-sided normal deviate (positive = worse after the change), for display. */
  z: number;
  /** One-sided p at the estimated day alone, as if it had been known in advance (exact where the data allow). */
  pNominal: number;
  /** p-value of the scan: the probability, with no change, that some candidate looks at least this bad. */
  p: number;
  method: 'monte-carlo' | 'bonferroni';
  draws: number;
}

/**
 * How the scan scores candidate c given S_c, the sum from day c on of a per-day quantity the null draws reproduce:
 * `stat` (larger = more extreme, compared across candidates) and `p` (the candidate's own one-sided p-value).
 */
interface CandidateStatistic {
  usable: (i: number) => boolean;
  stat: (i: number, s: number) => number;
  p: (i: number, s: number) => number;
}

/** z_c = (S_c − E_c) / sd_c with E_c, sd_c fixed by the conditioning margins; p from the normal tail. */
function standardized(expected: readonly number[], sd: readonly number[]): CandidateStatistic {
  const z = (i: number, s: number): number => (s - expected[i]!) / sd[i]!;
  return { usable: (i) => sd[i]! > 0, stat: z, p: (i, s) => normalCdf(-z(i, s), 0, 1) };
}

/**
 * Exact per-candidate tails: `tails[i][s]` = P(S_c ≥ s) under the null. The scan then takes the smallest exact
 * p-value over candidates (min-p), so a short, skewed window cannot dominate the maximum the way it does for z.
 */
function exactTails(tails: readonly Float64Array[]): CandidateStatistic {
  const p = (i: number, s: number): number => {
    const t = tails[i]!;
    const k = Math.round(s);
    return k <= 0 ? 1 : k >= t.length ? 0 : t[k]!;
  };
  return { usable: (i) => tails[i]!.length > 1, stat: (i, s) => -Math.log(Math.max(p(i, s), 1e-300)), p };
}

function suffixSums(xs: readonly number[]): number[] {
  const out = new Array<number>(xs.length + 1).fill(0);
  for (let i = xs.length - 1; i >= 0; i--) out[i] = out[i + 1]! + xs[i]!;
  return out;
}

function maxStat(suffix: readonly number[], cands: readonly number[], cs: CandidateStatistic): { best: number; index: number; stat: number } {
  let best = -1;
  let index = -1;
  let stat = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < cands.length; i++) {
    if (!cs.usable(i)) continue;
    const v = cs.stat(i, suffix[cands[i]!]!);
    if (v > stat) {
      stat = v;
      best = cands[i]!;
      index = i;
    }
  }
  return { best, index, stat };
}

function* runScan(observedPerDay: readonly number[], cs: CandidateStatistic, options: ScanOptions, drawPerDay: (into: number[]) => void): Generator<void, ScanResult | undefined, void> {
  const cands = options.candidates;
  const observedSuffix = suffixSums(observedPerDay);
  const { best, index, stat } = maxStat(observedSuffix, cands, cs);
  if (best < 0 || !Number.isFinite(stat)) return undefined;
  const observedS = observedSuffix[best]!;
  const pNominal = cs.p(index, observedS);
  const z = -normalQuantile(Math.min(1, Math.max(pNominal, 1e-300)), 0, 1);
  const usable = cands.filter((_, i) => cs.usable(i)).length;
  const maxDraws = options.maxDraws ?? 4999;
  // Bonferroni over the candidates is a valid bound on the scan's p. Far from significance the Monte Carlo is not
  // worth its cost; and when the bound is already below the Monte Carlo's resolution, the draws cannot improve on it.
  const bound = Math.min(1, usable * pNominal);
  if (pNominal > options.gate || bound < 1 / (maxDraws + 1)) return { start: best, z, pNominal, p: bound, method: 'bonferroni', draws: 0 };
  const stopAt = options.stopAfterExceedances ?? 12;
  const perDay = new Array<number>(observedPerDay.length).fill(0);
  const suffix = new Array<number>(observedPerDay.length + 1).fill(0);
  let exceed = 0;
  let draws = 0;
  // Compare with a hair of tolerance: the observed maximum is itself one possible draw.
  const bar = stat - 1e-9 * Math.max(1, Math.abs(stat));
  while (draws < maxDraws) {
    perDay.fill(0);
    drawPerDay(perDay);
    for (let i = perDay.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + perDay[i]!;
    draws++;
    // One draw is the unit of work a host may pause after (the draws are the bulk of a scan's time).
    yield;
    if (maxStat(suffix, cands, cs).stat >= bar) {
      exceed++;
      if (exceed >= stopAt) return { start: best, z, pNominal, p: exceed / draws, method: 'monte-carlo', draws };
    }
  }
  return { start: best, z, pNominal, p: (exceed + 1) / (draws + 1), method: 'monte-carlo', draws };
}

/**
 * The scan with the normal approximation and no Monte Carlo: returns its Bonferroni-bounded result when even the
 * approximate evidence is ten times weaker than the gate (so the exact test cannot be significant), else undefined.
 */
function roughScan(observedPerDay: readonly number[], cs: CandidateStatistic, options: ScanOptions): ScanResult | undefined {
  const cands = options.candidates;
  const { best, index, stat } = maxStat(suffixSums(observedPerDay), cands, cs);
  if (best < 0 || !Number.isFinite(stat)) return undefined;
  const pNominal = cs.p(index, suffixSums(observedPerDay)[best]!);
  if (pNominal <= 10 * options.gate) return undefined;
  const usable = cands.filter((_, i) => cs.usable(i)).length;
  return { start: best, z: stat, pNominal, p: Math.min(1, usable * pNominal), method: 'bonferroni', draws: 0 };
}

/** log k! for k = 0…n. */
function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let k = 1; k <= n; k++) out[k] = out[k - 1]! + Math.log(k);
  return out;
}

/** Convolution of two probability mass functions on 0, 1, 2, … */
function convolve(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length - 1);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (x === 0) continue;
    for (let j = 0; j < b.length; j++) out[i + j]! += x * b[j]!;
  }
  return out;
}

/** Upper tails P(S ≥ s) of a pmf. */
function upperTails(pmf: Float64Array): Float64Array {
  const out = new Float64Array(pmf.length);
  let acc = 0;
  for (let k = pmf.length - 1; k >= 0; k--) {
    acc += pmf[k]!;
    out[k] = Math.min(1, acc);
  }
  return out;
}

function binomialPmf(n: number, p: number, lf: Float64Array): Float64Array {
  const out = new Float64Array(n + 1);
  if (p <= 0) out[0] = 1;
  else if (p >= 1) out[n] = 1;
  else {
    const lp = Math.log(p);
    const lq = Math.log1p(-p);
    for (let k = 0; k <= n; k++) out[k] = Math.exp(lf[n]! - lf[k]! - lf[n - k]! + k * lp + (n - k) * lq);
  }
  return out;
}

/** Number of "bad" units among `drawn` units taken without replacement from `total` units of which `bad` are bad. */
function hypergeometricPmf(total: number, bad: number, drawn: number, lf: Float64Array): Float64Array {
  const out = new Float64Array(Math.min(drawn, bad) + 1);
  const logChoose = (a: number, b: number): number => lf[a]! - lf[b]! - lf[a - b]!;
  const denominator = logChoose(total, drawn);
  for (let k = Math.max(0, drawn - (total - bad)); k <= Math.min(drawn, bad); k++) out[k] = Math.exp(logChoose(bad, k) + logChoose(total - bad, drawn - k) - denominator);
  return out;
}

/** Scan of a count metric (findings over lines), stratified; "worse" = a higher rate after the change. */
export function scanCounts(strata: readonly CountStratum[], options: ScanOptions): ScanResult | undefined {
  return runToEnd(scanCountsSteps(strata, options));
}

/** {@link scanCounts} as a step generator: it pauses after each exact-tail convolution and each Monte Carlo draw. */
export function* scanCountsSteps(strata: readonly CountStratum[], options: ScanOptions): Generator<void, ScanResult | undefined, void> {
  const days = strata[0]?.counts.length ?? 0;
  const cands = options.candidates;
  const first = cands[0] ?? days;
  const totals = strata.map((s) => ({ F: sum(s.counts), T: sum(s.exposure), suffixE: suffixSums(s.exposure) }));
  const observed = new Array<number>(days).fill(0);
  for (const s of strata) s.counts.forEach((x, d) => (observed[d]! += x));
  // A cheap normal-approximation pass first: nowhere near significance, the exact tails are not worth computing.
  const expected: number[] = [];
  const sd: number[] = [];
  for (const c of cands) {
    let e = 0;
    let v = 0;
    for (const t of totals) {
      if (t.F === 0 || t.T <= 0) continue;
      const p = t.suffixE[c]! / t.T;
      e += t.F * p;
      v += t.F * p * (1 - p);
    }
    expected.push(e);
    sd.push(Math.sqrt(v));
  }
  const rough = roughScan(observed, standardized(expected, sd), options);
  if (rough) return rough;
  // Exact null of S_c (the count from day c on): a sum over strata of Binomial(F, after-share of exposure).
  const lf = logFactorials(Math.max(0, ...totals.map((t) => t.F)));
  const tails: Float64Array[] = [];
  for (const c of cands) {
    let pmf: Float64Array = new Float64Array([1]);
    for (const t of totals) {
      if (t.F === 0 || t.T <= 0) continue;
      pmf = convolve(pmf, binomialPmf(t.F, t.suffixE[c]! / t.T, lf));
      yield;
    }
    tails.push(upperTails(pmf));
  }
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
  return yield* runScan(observed, exactTails(tails), options, draw);
}

/**
 * Scan of a categorical metric, stratified. `badness[k]` scores category k (higher = worse); with `van-elteren`
 * the scores are replaced by each stratum's mid-ranks of badness and strata are weighted 1/(N + 1).
 */
export function scanCategories(strata: readonly CategoryStratum[], badness: readonly number[], weighting: CategoryWeighting, options: ScanOptions): ScanResult | undefined {
  return runToEnd(scanCategoriesSteps(strata, badness, weighting, options));
}

/** {@link scanCategories} as a step generator: it pauses after each exact-tail convolution and each Monte Carlo draw. */
export function* scanCategoriesSteps(
  strata: readonly CategoryStratum[],
  badness: readonly number[],
  weighting: CategoryWeighting,
  options: ScanOptions,
): Generator<void, ScanResult | undefined, void> {
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
  const observed = new Array<number>(days).fill(0);
  strata.forEach((s, i) => {
    const p = prepared[i]!;
    s.days.forEach((row, d) => row.forEach((x, k) => (observed[d]! += p.w * p.scores[k]! * x)));
  });
  const expected: number[] = [];
  const sd: number[] = [];
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
    expected.push(e);
    sd.push(Math.sqrt(v));
  }
  const rough = roughScan(observed, standardized(expected, sd), options);
  if (rough) return rough;
  let statistic: CandidateStatistic;
  if (weighting === 'cmh' && K === 2 && badness[0] === 0 && badness[1] === 1) {
    // Yes/no outcomes: S_c (bad units from day c on) is a sum over strata of hypergeometrics — exact tails.
    const lf = logFactorials(Math.max(0, ...prepared.map((p) => p.N)));
    const tails: Float64Array[] = [];
    for (const c of cands) {
      let pmf: Float64Array = new Float64Array([1]);
      for (const p of prepared) {
        if (p.N < 2) continue;
        pmf = convolve(pmf, hypergeometricPmf(p.N, p.pooled[1]!, p.unitsSuffix[c]!, lf));
        yield;
      }
      tails.push(upperTails(pmf));
    }
    statistic = exactTails(tails);
  } else {
    statistic = standardized(expected, sd);
  }
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
  return yield* runScan(observed, statistic, options, draw);
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
