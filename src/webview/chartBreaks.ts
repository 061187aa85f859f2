/** Where chart lines are cut: periods scored by other rules than the period before (see `PanelData.ruleSetBreaks`). */
import { daySeconds } from './format.js';

/**
 * The x values of the buckets with one extra, value-less point halfway before each break, which uPlot draws as a gap
 * (`spanGaps: false`); `at` maps each x back to its bucket index (null for the gap points).
 */
export function withBreaks(buckets: readonly string[], breaks: readonly string[]): { xs: number[]; at: (number | null)[] } {
  const cut = new Set(breaks);
  const xs: number[] = [];
  const at: (number | null)[] = [];
  buckets.forEach((b, i) => {
    const x = daySeconds(b);
    if (i > 0 && cut.has(b)) {
      xs.push((xs[xs.length - 1]! + x) / 2);
      at.push(null);
    }
    xs.push(x);
    at.push(i);
  });
  return { xs, at };
}
