import assert from 'node:assert/strict';
import { scanCategories, scanCounts } from '../../../src/core/drift/changePointScan.js';
import { poisson, seededRandom } from '../../../src/core/util/random.js';
import { mhRateRatio, mhRiskDifference, stratifiedMeanDifference } from '../../../src/core/drift/stratifiedEffects.js';

const DAYS = 20;
const CANDIDATES = [14, 15, 16, 17, 18];

function countStrata(seed: number, factorFrom?: { day: number; factor: number }) {
  const rand = seededRandom(seed);
  // Two strata with very different rates and exposures.
  return [0.02, 0.1].map((rate, s) => {
    const exposure = Array.from({ length: DAYS }, () => 20 + Math.floor(rand() * 40) * (s + 1));
    const counts = exposure.map((e, d) => poisson(rand, rate * e * (factorFrom && d >= factorFrom.day ? factorFrom.factor : 1)));
    return { counts, exposure };
  });
}

describe('drift/changePointScan', () => {
  it('is calibrated under no change: P(p ≤ 0.1) ≈ 0.1 for the count scan (exact conditional, Monte Carlo)', () => {
    let hits = 0;
    const runs = 300;
    for (let i = 0; i < runs; i++) {
      const r = scanCounts(countStrata(i), { candidates: CANDIDATES, rand: seededRandom(10_000 + i), gate: 1, maxDraws: 199, stopAfterExceedances: 1000 });
      if (r && r.p <= 0.1) hits++;
    }
    // Binomial(300, 0.1): mean 30, sd 5.2; allow 3 sd.
    assert.ok(Math.abs(hits - 30) <= 16, `${hits} of ${runs} below 0.1`);
  });

  it('is calibrated under no change for the categorical (CMH) scan', () => {
    let hits = 0;
    const runs = 300;
    for (let i = 0; i < runs; i++) {
      const rand = seededRandom(i + 77);
      const strata = [0.85, 0.55].map((p) => ({ days: Array.from({ length: DAYS }, () => { const n = 3 + Math.floor(rand() * 10); let good = 0; for (let k = 0; k < n; k++) if (rand() < p) good++; return [good, n - good]; }) }));
      const r = scanCategories(strata, [0, 1], 'cmh', { candidates: CANDIDATES, rand: seededRandom(20_000 + i), gate: 1, maxDraws: 199, stopAfterExceedances: 1000 });
      if (r && r.p <= 0.1) hits++;
    }
    assert.ok(Math.abs(hits - 30) <= 16, `${hits} of ${runs} below 0.1`);
  });

  it('finds a planted rise and its day, with a small p, and pays for the search (p ≥ the nominal p)', () => {
    const r = scanCounts(countStrata(5, { day: 16, factor: 2 }), { candidates: CANDIDATES, rand: seededRandom(1), gate: 0.05 })!;
    assert.equal(r.start, 16);
    assert.equal(r.method, 'monte-carlo');
    assert.ok(r.p < 0.01, `p ${r.p}`);
    assert.ok(r.p >= r.pNominal);
  });

  it('uses the Bonferroni bound over candidate days when it is already below the Monte Carlo resolution', () => {
    const r = scanCounts(countStrata(3, { day: 16, factor: 4 }), { candidates: CANDIDATES, rand: seededRandom(1), gate: 0.05, maxDraws: 999 })!;
    assert.equal(r.start, 16);
    assert.equal(r.method, 'bonferroni');
    assert.equal(r.draws, 0);
    assert.ok(r.p < 1 / 1000 && Math.abs(r.p - CANDIDATES.length * r.pNominal) < 1e-15);
  });

  it('skips the Monte Carlo far from significance and reports a Bonferroni bound instead', () => {
    const r = scanCounts(countStrata(4), { candidates: CANDIDATES, rand: seededRandom(1), gate: 1e-6 })!;
    assert.equal(r.method, 'bonferroni');
    assert.equal(r.draws, 0);
    assert.ok(Math.abs(r.p - Math.min(1, CANDIDATES.length * r.pNominal)) < 1e-12);
  });

  it('is the same for the same seed (pure), different draws for a different seed', () => {
    const strata = countStrata(5, { day: 17, factor: 1.8 });
    const a = scanCounts(strata, { candidates: CANDIDATES, rand: seededRandom(9), gate: 1, maxDraws: 500 });
    const b = scanCounts(strata, { candidates: CANDIDATES, rand: seededRandom(9), gate: 1, maxDraws: 500 });
    assert.deepEqual(a, b);
  });
});

describe('drift/stratifiedEffects', () => {
  it('MH rate ratio: one stratum gives the crude ratio; a confounded mix gives ~1 where the crude ratio does not', () => {
    assert.ok(Math.abs(mhRateRatio([{ a: 20, e1: 100, b: 40, e0: 400 }])!.value - 2) < 1e-12);
    // Same rate within each stratum (0.01 and 0.1), but the after window has mostly high-rate work.
    const strata = [{ a: 1, e1: 100, b: 9, e0: 900 }, { a: 90, e1: 900, b: 10, e0: 100 }];
    const crude = (1 + 90) / 1000 / ((9 + 10) / 1000);
    const mh = mhRateRatio(strata)!;
    assert.ok(crude > 4);
    assert.ok(Math.abs(mh.value - 1) < 1e-12);
    assert.ok(mh.ci[0] < 1 && mh.ci[1] > 1);
  });

  it('MH risk difference and stratified mean difference: the within-stratum difference, with an interval around it', () => {
    const d = mhRiskDifference([{ x1: 60, n1: 100, x0: 80, n0: 100 }, { x1: 30, n1: 100, x0: 50, n0: 100 }])!;
    assert.ok(Math.abs(d.value + 0.2) < 1e-12);
    assert.ok(d.ci[0] < -0.2 && d.ci[1] > -0.2 && d.ci[1] < 0);
    const h = (bin: number, n: number) => Object.assign(new Array<number>(21).fill(0), { [bin]: n });
    const m = stratifiedMeanDifference([{ h1: h(14, 30), h0: h(16, 30) }])!;
    assert.ok(Math.abs(m.value + 10) < 1e-9);
    assert.equal(mhRateRatio([{ a: 0, e1: 10, b: 0, e0: 10 }]), undefined);
  });
});
