/**
 * Counters of human editing per provenance (characters inserted, number of changes) and of assistant characters, so
 * the panel can show the share of code assistants wrote. Human text is never stored: only these numbers leave this
 * class, as a `human-activity` record per period.
 */
import type { DriftEventInput, HumanProvenance, Provenance } from '../schema/events.js';
import type { Clock, TimerHandle } from '../util/clock.js';

export const DEFAULT_ACTIVITY_PERIOD_MS = 5 * 60 * 1000;

export class HumanActivityCounter {
  private chars: Partial<Record<HumanProvenance, number>> = {};
  private changes: Partial<Record<HumanProvenance, number>> = {};
  private assistantChars = 0;
  private periodStart: number;
  private timer: TimerHandle | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly emit: (record: DriftEventInput) => void,
    private readonly periodMs = DEFAULT_ACTIVITY_PERIOD_MS,
  ) {
    this.periodStart = clock.now();
  }

  /** O(1): counts one change event. Assistant provenances add to the assistant total only. */
  count(provenance: Provenance, insertedChars: number): void {
    if (provenance === 'ai-inline' || provenance === 'ai-chat' || provenance === 'ai-agent') {
      this.assistantChars += insertedChars;
    } else {
      this.chars[provenance] = (this.chars[provenance] ?? 0) + insertedChars;
      this.changes[provenance] = (this.changes[provenance] ?? 0) + 1;
    }
    if (!this.timer) this.timer = this.clock.setTimeout(() => this.flush(), this.periodMs);
  }

  /** Emits the period's counters (if any) and starts a new period. */
  flush(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.clock.now();
    const any = Object.keys(this.changes).length > 0 || this.assistantChars > 0;
    if (any) {
      this.emit({
        kind: 'human-activity',
        periodStart: Math.max(0, Math.round(this.periodStart)),
        periodEnd: Math.max(0, Math.round(now)),
        chars: this.chars,
        changes: this.changes,
        ...(this.assistantChars > 0 ? { assistantChars: this.assistantChars } : {}),
      });
    }
    this.chars = {};
    this.changes = {};
    this.assistantChars = 0;
    this.periodStart = now;
  }
}
