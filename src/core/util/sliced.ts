/**
 * Runs a step generator (a long computation that yields between units of work) in time slices: steps run back to
 * back until a slice's budget is spent, then control returns to the event loop through `pause` before the next
 * slice. A caller on the extension host thus never blocks longer than one slice plus one step.
 */

export interface SliceOptions {
  /** Milliseconds of work per slice before pausing (default 12: well under a frame, so typing stays fluid). */
  budgetMs?: number;
  now: () => number;
  /** Returns to the event loop (e.g. a zero-delay timer). */
  pause: () => Promise<void>;
}

/** What a sliced run did, for logs and the benchmark: how long it took in total and the longest stretch it held the thread. */
export interface SliceStats {
  slices: number;
  steps: number;
  /** Wall time spent computing (excludes the pauses). */
  busyMs: number;
  /** The longest single slice: the longest the caller's thread was held at once. */
  longestSliceMs: number;
}

/** Drives `steps` to completion in slices; resolves with its return value and the slice statistics. */
export async function runSliced<T>(steps: Generator<void, T, void>, options: SliceOptions): Promise<{ value: T; stats: SliceStats }> {
  const budget = options.budgetMs ?? 12;
  const stats: SliceStats = { slices: 0, steps: 0, busyMs: 0, longestSliceMs: 0 };
  for (;;) {
    const start = options.now();
    stats.slices++;
    let next: IteratorResult<void, T>;
    do {
      next = steps.next();
      stats.steps++;
    } while (!next.done && options.now() - start < budget);
    const took = options.now() - start;
    stats.busyMs += took;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, took);
    if (next.done) return { value: next.value, stats };
    await options.pause();
  }
}

/** Drives `steps` to completion at once (the synchronous form of a step generator). */
export function runToEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
