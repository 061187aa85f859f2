import assert from 'node:assert/strict';
import kruskalTest from '@stdlib/stats-kruskal-test';
import fc from 'fast-check';
import { mannWhitneyFromHistograms } from '../../../src/core/drift/mannWhitney.js';
import { poissonRateTest, twoProportionTest, wilsonInterval } from '../../../src/core/drift/proportions.js';

const close = (actual: number, expected: number, tol: number, what = ''): void =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what} ${actual} is not within ${tol} of ${expected}`);

/** Expands a histogram into one value (the bin index) per observation. */
const expand = (h: readonly number[]): number[] => h.flatMap((c, k) => new Array<number>(c).fill(k));

/** U by its definition: pairs where x > y, plus half the ties (independent of ranks). */
function bruteU(xs: number[], ys: number[]): number {
  let u = 0;
  for (const x of xs) for (const y of ys) u += x > y ? 1 : x === y ? 0.5 : 0;
  return u;
}

describe('Mann–Whitney U from histograms', () => {
  it('matches a hand-computed example with ties', () => {
    // x = {1, 2, 2, 4}, y = {2, 3, 3}: pairs x>y: 4>2,4>3,4>3 = 3; ties: 2=2 twice = 1 → U = 4.
    // N = 7, tie groups {2,2,2} (t=3), {3,3} (t=2): Σ(t³−t) = 24 + 6 = 30.
    // var = 4·3/12 · (8 − 30/42) = 7.285714; z (cc) = (4 − 6 + 0.5)/2.699206 = −0.555719.
    const r = mannWhitneyFromHistograms([0, 1, 2, 0, 1], [0, 0, 1, 2, 0])!;
    assert.equal(r.u1, 4);
    close(r.z, -0.555719, 1e-6, 'z');
    close(r.p, 0.578403, 1e-5, 'p');
    close(r.auc, 4 / 12, 1e-12, 'auc');
  });

  it('agrees with pairwise counting and with stdlib’s Kruskal–Wallis (2 groups ≡ MWU without continuity) on random histograms', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(12), { minLength: 21, maxLength: 21 }),
        fc.array(fc.nat(12), { minLength: 21, maxLength: 21 }),
        (h1, h2) => {
          const xs = expand(h1);
          const ys = expand(h2);
          fc.pre(xs.length > 1 && ys.length > 1 && new Set([...xs, ...ys]).size > 1);
          const r = mannWhitneyFromHistograms(h1, h2, { continuity: false })!;
          assert.equal(r.u1, bruteU(xs, ys));
          const kw = kruskalTest(xs, ys);
          close(r.p, kw.pValue, 1e-9, 'p vs Kruskal–Wallis');
          close(r.z * r.z, kw.statistic, 1e-6, 'z² vs H');
        },
      ),
      { numRuns: 150, seed: 5 },
    );
  });

  it('reports a clear shift with a negative rank-biserial whose interval excludes 0, and no shift as p = 1', () => {
    const base = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 5, 8, 10, 14, 20, 25, 18, 10, 5];
    const worse = [0, 0, 0, 0, 0, 0, 1, 3, 6, 9, 12, 14, 12, 9, 6, 4, 2, 1, 1, 0, 0];
    const r = mannWhitneyFromHistograms(worse, base)!;
    assert.ok(r.rankBiserial < -0.5, String(r.rankBiserial));
    assert.ok(r.ci[0] < r.rankBiserial && r.rankBiserial < r.ci[1] && r.ci[1] < 0, String(r.ci));
    assert.ok(r.p < 1e-10);
    const same = mannWhitneyFromHistograms(base, base)!;
    assert.equal(same.rankBiserial, 0);
    assert.equal(same.p, 1);
  });

  it('is undefined for an empty sample or when every value is tied', () => {
    assert.equal(mannWhitneyFromHistograms([0, 0], [3, 1]), undefined);
    assert.equal(mannWhitneyFromHistograms([0, 4], [0, 2]), undefined);
  });
});

describe('two-proportion and rate tests', () => {
  it('Wilson interval matches Newcombe (1998) example 81/263 = 0.2553–0.3662', () => {
    const [lo, hi] = wilsonInterval(81, 263);
    close(lo, 0.2553, 5e-5, 'lower');
    close(hi, 0.3662, 5e-5, 'upper');
  });

  it('difference interval matches Newcombe (1998) method 10 example 56/70 − 48/80 = 0.0524–0.3339', () => {
    const t = twoProportionTest(56, 70, 48, 80)!;
    close(t.diff, 0.2, 1e-12, 'diff');
    close(t.ci[0], 0.0524, 5e-5, 'lower');
    close(t.ci[1], 0.3339, 5e-5, 'upper');
    // Pooled z by hand: p̂ = 104/150, se = sqrt(p̂(1−p̂)(1/70+1/80)) = 0.0754670; z = 0.2/0.0754670 = 2.650172;
    // p = erfc(z/√2) = 0.0080451.
    close(t.z, 2.650172, 1e-5, 'z');
    close(t.p, 0.0080451, 1e-6, 'p');
  });

  it('gives p = 1 when both samples are all successes, undefined when a sample is empty', () => {
    assert.equal(twoProportionTest(10, 10, 20, 20)!.p, 1);
    assert.equal(twoProportionTest(0, 0, 1, 2), undefined);
  });

  it('Poisson rate test: 30 findings in 1000 lines vs 15 in 1000 (hand-computed)', () => {
    // Conditional on 45 events, c1 ~ Bin(45, 0.5): z = (30 − 22.5)/sqrt(11.25) = 2.236068.
    const t = poissonRateTest(30, 1000, 15, 1000)!;
    close(t.z, 2.236068, 1e-6, 'z');
    close(t.p, 0.025347, 1e-6, 'p');
    close(t.ratio, 2, 1e-12, 'ratio');
    // log-scale interval: 2·exp(± 1.959964·sqrt(1/30 + 1/15)) = 1.07611–3.71709
    close(t.ci[0], 1.07611, 1e-4, 'lower');
    close(t.ci[1], 3.71709, 1e-4, 'upper');
  });
});
