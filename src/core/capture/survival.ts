/**
 * Survival of an assistant edit: how much of the inserted text is still there.
 *
 * - `distanceRatio`: character Levenshtein distance between the inserted text and the region's current text, divided
 *   by the inserted length; `unchanged` when ≤ 0.33 (the threshold Cody's telemetry uses).
 * - `fourGramSurvival`: the share of the inserted text's character 4-grams (counted with multiplicity) still present
 *   in the region (the measure Copilot Chat reports as edit survival).
 *
 * Levenshtein comes from `fastest-levenshtein` (Myers' bit-parallel algorithm, the fastest maintained JS
 * implementation); above {@link EXACT_LIMIT} characters the quadratic worst case is avoided by measuring on lines.
 */
import { distance } from 'fastest-levenshtein';

export const UNCHANGED_THRESHOLD = 0.33;
/** Longest text (chars) measured with exact character Levenshtein; longer texts use the line-level bound. */
export const EXACT_LIMIT = 20_000;

export interface Survival {
  distanceRatio: number;
  unchanged: boolean;
  fourGramSurvival: number;
}

/** Character 4-grams with multiplicity. A text shorter than 4 characters is its own single gram. */
export function fourGrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  if (text.length === 0) return grams;
  if (text.length < 4) {
    grams.set(text, 1);
    return grams;
  }
  for (let i = 0; i + 4 <= text.length; i++) {
    const g = text.slice(i, i + 4);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Share (0–1) of `original`'s 4-grams found in `current`, each occurrence matched at most once. */
export function fourGramSurvival(original: string, current: string): number {
  const before = fourGrams(original);
  let total = 0;
  for (const n of before.values()) total += n;
  if (total === 0) return current.length === 0 ? 1 : 0;
  if (original.length < 4) return current.includes(original) ? 1 : 0;
  const after = fourGrams(current);
  let kept = 0;
  for (const [g, n] of before) kept += Math.min(n, after.get(g) ?? 0);
  return kept / total;
}

/**
 * Edit distance between two long texts, computed on lines: each changed line costs the Levenshtein distance of the
 * paired lines (or its full length when unpaired). An upper bound of the character distance that stays near-linear.
 */
function lineDistance(a: string, b: string): number {
  const la = a.split('\n');
  const lb = b.split('\n');
  const counts = new Map<string, number>();
  for (const l of lb) counts.set(l, (counts.get(l) ?? 0) + 1);
  const unmatchedA: string[] = [];
  for (const l of la) {
    const n = counts.get(l) ?? 0;
    if (n > 0) counts.set(l, n - 1);
    else unmatchedA.push(l);
  }
  const unmatchedB: string[] = [];
  for (const [l, n] of counts) for (let i = 0; i < n; i++) unmatchedB.push(l);
  let d = 0;
  const pairs = Math.min(unmatchedA.length, unmatchedB.length);
  for (let i = 0; i < pairs; i++) d += distance(unmatchedA[i]!, unmatchedB[i]!) + 1;
  for (let i = pairs; i < unmatchedA.length; i++) d += unmatchedA[i]!.length + 1;
  for (let i = pairs; i < unmatchedB.length; i++) d += unmatchedB[i]!.length + 1;
  return d;
}

/** Levenshtein distance, exact up to {@link EXACT_LIMIT} characters. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length <= EXACT_LIMIT && b.length <= EXACT_LIMIT) return distance(a, b);
  return lineDistance(a, b);
}

/** Survival of `original` given the region's `current` text. */
export function measureSurvival(original: string, current: string): Survival {
  const d = editDistance(original, current);
  const distanceRatio = original.length === 0 ? (current.length === 0 ? 0 : 1) : d / original.length;
  return {
    distanceRatio: Math.round(distanceRatio * 10_000) / 10_000,
    unchanged: distanceRatio <= UNCHANGED_THRESHOLD,
    fourGramSurvival: Math.round(fourGramSurvival(original, current) * 10_000) / 10_000,
  };
}
