/**
 * Two-sample tests for rates: a pooled two-proportion z-test (acceptance, survival, fix rate) with Newcombe's
 * hybrid-score interval for the difference, and a conditional test for Poisson rates (findings per 100 lines) with a
 * log-scale interval for the rate ratio.
 */
import { twoSidedP, zFor } from './normal.js';

export interface ProportionTestResult {
  p1: number;
  p2: number;
  /** p1 − p2. */
  diff: number;
  z: number;
  p: number;
  /** Newcombe (1998, method 10) interval for p1 − p2. */
  ci: [number, number];
}

/** Wilson score interval for x successes out of n. */
export function wilsonInterval(x: number, n: number, level = 0.95): [number, number] {
  if (n <= 0) return [0, 1];
  const z = zFor(level);
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Compares x1/n1 with x2/n2. Undefined when a sample is empty. */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number, level = 0.95): ProportionTestResult | undefined {
  if (n1 <= 0 || n2 <= 0) return undefined;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = se > 0 ? (p1 - p2) / se : 0;
  const [l1, u1] = wilsonInterval(x1, n1, level);
  const [l2, u2] = wilsonInterval(x2, n2, level);
  const diff = p1 - p2;
  const lower = diff - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const upper = diff + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  return { p1, p2, diff, z, p: se > 0 ? twoSidedP(z) : 1, ci: [lower, upper] };
}

export interface RateTestResult {
  rate1: number;
  rate2: number;
  /** rate1 / rate2. */
  ratio: number;
  z: number;
  p: number;
  /** Interval of the rate ratio (log scale, 0.5 added to zero counts). */
  ci: [number, number];
}

/**
 * Compares event counts c1 over exposure e1 with c2 over e2 (e.g. findings over changed lines). Conditional on the
 * total, c1 is binomial with p0 = e1/(e1+e2) under equal rates; the normal approximation of that binomial gives z.
 */
export function poissonRateTest(c1: number, e1: number, c2: number, e2: number, level = 0.95): RateTestResult | undefined {
  if (e1 <= 0 || e2 <= 0) return undefined;
  const total = c1 + c2;
  const rate1 = c1 / e1;
  const rate2 = c2 / e2;
  const p0 = e1 / (e1 + e2);
  const sd = Math.sqrt(total * p0 * (1 - p0));
  const z = sd > 0 ? (c1 - total * p0) / sd : 0;
  const a = c1 === 0 || c2 === 0 ? c1 + 0.5 : c1;
  const b = c1 === 0 || c2 === 0 ? c2 + 0.5 : c2;
  const logRatio = Math.log(a / e1 / (b / e2));
  const half = zFor(level) * Math.sqrt(1 / a + 1 / b);
  return { rate1, rate2, ratio: rate2 > 0 ? rate1 / rate2 : Number.POSITIVE_INFINITY, z, p: sd > 0 ? twoSidedP(z) : 1, ci: [Math.exp(logRatio - half), Math.exp(logRatio + half)] };
}
