/**
 * The text each tracked document had just before the current change event. VS Code's change events carry the
 * replaced range but not the replaced text, which format, rename, move and paste detection need.
 *
 * Hot path: typing only appends the change to a queue (O(1)); the shadow catches up from the document on a timer
 * (one `getText()` per dirty document every couple of seconds) or, for a bulk change, by applying the few queued
 * keystrokes first.
 */
import { applyChanges, type TextChange } from './textChange.js';

/** Past this many queued changes the shadow re-reads the document rather than replaying them. */
const MAX_QUEUED = 256;

export class DocumentShadow {
  private queued: TextChange[] = [];
  private stale = false;

  constructor(private text: string) {}

  /** Notes a change event (already applied to the document). */
  queue(changes: readonly TextChange[]): void {
    if (this.stale) return;
    if (this.queued.length + changes.length > MAX_QUEUED) {
      this.stale = true;
      this.queued = [];
      return;
    }
    for (const c of changes) this.queued.push(c);
  }

  get dirty(): boolean {
    return this.stale || this.queued.length > 0;
  }

  /**
   * The text before the change event being handled now, or undefined when it cannot be known (the shadow went stale
   * during a long burst). `queue` must not have been called for the current event yet.
   */
  before(): string | undefined {
    if (this.stale) return undefined;
    if (this.queued.length > 0) {
      this.text = applyChanges(this.text, this.queued);
      this.queued = [];
    }
    return this.text;
  }

  /** Re-synchronises with the document's current text (outside any change handler). */
  reset(text: string): void {
    this.text = text;
    this.queued = [];
    this.stale = false;
  }
}
