/**
 * A gate in front of something that can fail and recover (the drift worker thread): open until it fails, then closed
 * for a back-off delay that doubles with each consecutive failure up to a cap, open again for one try when the delay
 * has passed, and reset by a success. Pure, on the caller's clock, so the schedule is tested without waiting.
 */
export class RetryGate {
  private failures = 0;
  private reopensAt = 0;

  constructor(
    private readonly firstDelayMs: number,
    private readonly maxDelayMs: number,
  ) {}

  /** May the guarded thing be tried at `now`? */
  isOpen(now: number): boolean {
    return now >= this.reopensAt;
  }

  /** Consecutive failures since the last success. */
  get failureCount(): number {
    return this.failures;
  }

  /** Records a failure at `now`; returns how long the gate stays closed. */
  fail(now: number): number {
    const delay = Math.min(this.maxDelayMs, this.firstDelayMs * 2 ** Math.min(30, this.failures));
    this.failures++;
    this.reopensAt = now + delay;
    return delay;
  }

  /** Records a success: the next failure starts the back-off from the first delay again. */
  succeed(): void {
    this.failures = 0;
    this.reopensAt = 0;
  }
}
