/**
 * Time and timers behind an interface, so capture checkpoints (up to 15 minutes) and store flushes can be driven by a
 * test clock instead of real waiting.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export interface TimerHandle {
  readonly id: number;
}

/** The real clock. */
export const systemClock: Clock = (() => {
  const handles = new Map<number, ReturnType<typeof setTimeout>>();
  let next = 1;
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      const id = next++;
      const h = setTimeout(() => {
        handles.delete(id);
        fn();
      }, ms);
      handles.set(id, h);
      return { id };
    },
    clearTimeout(handle) {
      const h = handles.get(handle.id);
      if (h !== undefined) clearTimeout(h);
      handles.delete(handle.id);
    },
  };
})();

/** A manual clock for tests: time moves only when `advance` is called, firing due timers in order. */
export class ManualClock implements Clock {
  private current: number;
  private timers: { id: number; due: number; fn: () => void }[] = [];
  private nextId = 1;

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.push({ id, due: this.current + Math.max(0, ms), fn });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle.id);
  }

  /** Moves time forward by `ms`, running every timer that falls due (including timers they schedule). */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      this.timers.sort((a, b) => a.due - b.due || a.id - b.id);
      const t = this.timers[0];
      if (!t || t.due > target) break;
      this.timers.shift();
      this.current = t.due;
      t.fn();
    }
    this.current = target;
  }

  get pending(): number {
    return this.timers.length;
  }
}
