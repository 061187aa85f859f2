/**
 * Effect sizes that compare like with like: each is a Mantel–Haenszel-type weighted average of per-stratum
 * comparisons (stratum = language × edit size), so a change in the mix of work between the windows does not show up
 * as an effect. All compare "after the change" (1) with "before" (0).
 */
import { zFor } from './normal.js';

export interface Effect {
  value: number;
  ci: [number, number];
}

/** Per stratum: count and exposure after (a, e1) and before (b, e0). */
export interface RateStratum {
  a: number;
  e1: number;
  b: number;
  e0: number;
}

/**
 * Mantel–Haenszel rate ratio Σ a·e0/T / Σ b·e1/T with the Greenland–Robins (1985) variance of its logarithm.
 * Undefined when a side has no counts at all (the ratio is then 0 or infinite).
 */
export function mhRateRatio(strata: readonly RateStratum[], level = 0.95): Effect | undefined {
  let r = 0;
  let s = 0;
  let v = 0;
  for (const x of strata) {
    const T = x.e1 + x.e0;
    if (x.e1 <= 0 || x.e0 <= 0) continue;
    r += (x.a * x.e0) / T;
    s += (x.b * x.e1) / T;
    v += ((x.a + x.b) * x.e1 * x.e0) / (T * T);
  }
  if (!(r > 0) || !(s > 0)) return undefined;
  const ratio = r / s;
  const half = zFor(level) * Math.sqrt(v / (r * s));
  return { value: ratio, ci: [ratio * Math.exp(-half), ratio * Math.exp(half)] };
}

/** Per stratum: successes and units after (x1, n1) and before (x0, n0). */
export interface ProportionStratum {
  x1: number;
  n1: number;
  x0: number;
  n0: number;
}

/**
 * Mantel–Haenszel weighted difference of proportions p1 − p0 (weights n1·n0/N) with a Wald interval from the
 * per-stratum binomial variances.
 */
export function mhRiskDifference(strata: readonly ProportionStratum[], level = 0.95): Effect | undefined {
  let wSum = 0;
  let d = 0;
  let v = 0;
  for (const x of strata) {
    if (x.n1 <= 0 || x.n0 <= 0) continue;
    const w = (x.n1 * x.n0) / (x.n1 + x.n0);
    const p1 = x.x1 / x.n1;
    const p0 = x.x0 / x.n0;
    wSum += w;
    d += w * (p1 - p0);
    v += w * w * ((p1 * (1 - p1)) / x.n1 + (p0 * (1 - p0)) / x.n0);
  }
  if (!(wSum > 0)) return undefined;
  const value = d / wSum;
  const half = zFor(level) * Math.sqrt(v) / wSum;
  return { value, ci: [value - half, value + half] };
}

/** Per stratum: the score histograms (21 bins of width 5) after and before. */
export interface HistogramStratum {
  h1: readonly number[];
  h0: readonly number[];
}

/** Representative score of each rollup bin: its midpoint (bin 20 holds exactly 100). */
function binValue(k: number): number {
  return k >= 20 ? 100 : 5 * k + 2.5;
}

function moments(h: readonly number[]): { n: number; mean: number; variance: number } {
  let n = 0;
  let s = 0;
  let s2 = 0;
  h.forEach((c, k) => {
    const x = binValue(k);
    n += c;
    s += c * x;
    s2 += c * x * x;
  });
  const mean = n > 0 ? s / n : 0;
  return { n, mean, variance: n > 1 ? Math.max(0, (s2 - n * mean * mean) / (n - 1)) : 0 };
}

/** Weighted (n1·n0/N) difference of mean scores after − before, in score points, with a Wald interval. */
export function stratifiedMeanDifference(strata: readonly HistogramStratum[], level = 0.95): Effect | undefined {
  let wSum = 0;
  let d = 0;
  let v = 0;
  for (const x of strata) {
    const m1 = moments(x.h1);
    const m0 = moments(x.h0);
    if (m1.n === 0 || m0.n === 0) continue;
    const w = (m1.n * m0.n) / (m1.n + m0.n);
    wSum += w;
    d += w * (m1.mean - m0.mean);
    v += w * w * (m1.variance / m1.n + m0.variance / m0.n);
  }
  if (!(wSum > 0)) return undefined;
  const value = d / wSum;
  const half = zFor(level) * Math.sqrt(v) / wSum;
  return { value, ci: [value - half, value + half] };
}
