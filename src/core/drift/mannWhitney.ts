/**
 * Mann–Whitney U from binned samples. Rollups keep a 21-bin score histogram per day and bucket, not the raw scores,
 * so the test treats every score in a bin as tied: ranks are mid-ranks of each bin and the variance uses the usual
 * tie correction. With 21 bins of width 5 this loses little power against the exact-score test and needs no rescan.
 */
import { twoSidedP, zFor } from './normal.js';

export interface MannWhitneyResult {
  n1: number;
  n2: number;
  /** U of sample 1: pairs where sample 1 is greater, plus half the ties. */
  u1: number;
  /** Tie-corrected normal statistic (with continuity correction when requested). */
  z: number;
  /** Two-sided p-value of the normal approximation. */
  p: number;
  /** Probability of superiority P(X1 > X2) + ½P(X1 = X2) = U1 / (n1·n2). */
  auc: number;
  /** Rank-biserial correlation 2·AUC − 1 in [−1, 1]; negative when sample 1 tends to be lower. */
  rankBiserial: number;
  /** Confidence interval of the rank-biserial correlation (Hanley–McNeil standard error of the AUC). */
  ci: [number, number];
}

/**
 * Tests whether sample 1 (histogram `h1`) and sample 2 (`h2`) over the same ordered bins differ in location.
 * Returns undefined when either sample is empty or every value is tied (the test is undefined there).
 */
export function mannWhitneyFromHistograms(
  h1: readonly number[],
  h2: readonly number[],
  options: { continuity?: boolean; level?: number } = {},
): MannWhitneyResult | undefined {
  const bins = Math.max(h1.length, h2.length);
  let n1 = 0;
  let n2 = 0;
  for (let k = 0; k < bins; k++) {
    n1 += h1[k] ?? 0;
    n2 += h2[k] ?? 0;
  }
  if (n1 === 0 || n2 === 0) return undefined;
  const n = n1 + n2;
  let below = 0;
  let rankSum1 = 0;
  let tieTerm = 0;
  for (let k = 0; k < bins; k++) {
    const a = h1[k] ?? 0;
    const t = a + (h2[k] ?? 0);
    if (t === 0) continue;
    rankSum1 += a * (below + (t + 1) / 2);
    tieTerm += t * t * t - t;
    below += t;
  }
  const u1 = rankSum1 - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(variance > 0)) return undefined;
  const diff = u1 - mean;
  const cc = options.continuity === false ? 0 : 0.5 * Math.sign(diff);
  const z = (diff - (Math.abs(diff) >= 0.5 ? cc : diff)) / Math.sqrt(variance);
  const auc = u1 / (n1 * n2);
  // Hanley & McNeil (1982) standard error of the AUC.
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const se = Math.sqrt(Math.max(0, (auc * (1 - auc) + (n1 - 1) * (q1 - auc * auc) + (n2 - 1) * (q2 - auc * auc)) / (n1 * n2)));
  const zc = zFor(options.level ?? 0.95);
  const lo = Math.max(0, auc - zc * se);
  const hi = Math.min(1, auc + zc * se);
  return { n1, n2, u1, z, p: twoSidedP(z), auc, rankBiserial: 2 * auc - 1, ci: [2 * lo - 1, 2 * hi - 1] };
}
