/**
 * A small seeded random source for the Monte Carlo calibration of the drift change-point scan, the demo history and
 * simulations. Drift detection must be a pure function of the rollups (the same store always gives the same
 * verdict), so its generator is seeded from the test's identity instead of `Math.random`.
 */

/** Uniform [0, 1) numbers from a 32-bit seed (mulberry32: fast, good enough for Monte Carlo p-values). */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit FNV-1a hash of a string, to derive a seed from a test's identity. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * One Binomial(n, p) draw. Counts here are small (findings of one stratum and window), so inversion by the
 * recurrence of the probability mass is exact and cheap; for large n·p a chunked sum keeps each inversion short.
 */
export function binomial(rand: Random, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rand, n, 1 - p);
  if (n * p > 200) {
    // Split into independent halves so the mass at 0, (1−p)^n, never underflows.
    const half = Math.floor(n / 2);
    return binomial(rand, half, p) + binomial(rand, n - half, p);
  }
  const q = 1 - p;
  const ratio = p / q;
  let pmf = Math.pow(q, n);
  let cdf = pmf;
  const u = rand();
  let k = 0;
  while (u > cdf && k < n) {
    pmf *= (ratio * (n - k)) / (k + 1);
    k++;
    cdf += pmf;
  }
  return k;
}

/** One Poisson(mean) draw (Knuth's product method, split for large means). Used by simulations. */
export function poisson(rand: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const half = mean / 2;
    return poisson(rand, half) + poisson(rand, mean - half);
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let prod = rand();
  while (prod > limit) {
    k++;
    prod *= rand();
  }
  return k;
}
