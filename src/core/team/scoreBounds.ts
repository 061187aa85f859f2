/**
 * Placing an edit score into the team wire histogram ({@link SCORE_BOUNDS}). OTLP explicit buckets are
 * upper-inclusive, so this differs from the local rollup's 5-point bins (which are lower-inclusive): the two cannot be
 * converted into each other, hence the rollup keeps both.
 */
import { SCORE_BOUNDS } from './teamWire.js';

/** Index of the OTLP bucket a score (0–100) falls into: `ceil(score / 5) - 1`, clamped to the bucket range. */
export function scoreBoundsIndex(score: number): number {
  return Math.min(SCORE_BOUNDS.length, Math.max(0, Math.ceil(score / 5) - 1));
}
