/**
 * Standard normal CDF and quantile from stdlib (@stdlib/stats-base-dists-normal-*): accurate to double precision in
 * the tails, which matters because Benjamini–Hochberg compares small p-values against each other.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedP(z: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? 1 : 0;
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

/** z such that P(|Z| ≤ z) = level (e.g. 1.959964 for 0.95). */
export function zFor(level: number): number {
  return normalQuantile(0.5 + level / 2, 0, 1);
}
