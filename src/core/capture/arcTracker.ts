/**
 * ARC survival of assistant edits on VS Code's own schedule: accepted-and-retained characters (see `arcSpans.ts` for
 * the definition) recorded at 0, 30, 120, 300, 600 and 900 s after an inline completion and at 0, 60 and 300 s after
 * a chat or agent edit, so Driftwatch's numbers compare with the ones Microsoft reports.
 *
 * An edit is followed from the moment capture records it until its last checkpoint, independently of the edit
 * tracker's own lifetime (an edit undone within 10 s is finished as `rejected` there, but its ARC keeps counting 0).
 *
 * Closed documents and window reloads: changes made while a document is closed are not observed. The tracked
 * characters are pinned by the text between the first and last tracked character; when the document is seen again
 * that text must be at the same place, or found once elsewhere (the spans move with it). Otherwise the edit's later
 * checkpoints are not recorded (one debug line) rather than guessed. Checkpoints that fell due while the window was
 * closed are recorded on resume from the last state seen and marked `late`.
 *
 * Hot path: `onChange` costs O(tracked spans in that document) arithmetic.
 */
import * as z from 'zod';
import { ARC_CHECKPOINTS_S, ArcSchedule, EditRef, type ArcCheckpoint, type DriftEventInput } from '../schema/events.js';
import type { Clock, TimerHandle } from '../util/clock.js';
import { composeChange, shiftSpans, sortedSpans, spanChars, trimmedInsert } from './arcSpans.js';
import type { EditFollower, FollowedEdit } from './editFollower.js';
import type { Region } from './regionTransform.js';
import type { TextChange } from './textChange.js';

/** ARC checkpoints in ms per schedule (tests shorten them; the recorded checkpoint keeps VS Code's seconds). */
export interface ArcTimings {
  inlineMs: readonly number[];
  chatMs: readonly number[];
}

export const DEFAULT_ARC_TIMINGS: Readonly<ArcTimings> = Object.freeze({
  inlineMs: ARC_CHECKPOINTS_S.inline.map((s) => s * 1000),
  chatMs: ARC_CHECKPOINTS_S.chat.map((s) => s * 1000),
});

export interface ArcTrackerDeps {
  clock: Clock;
  emit(records: DriftEventInput[]): unknown;
  /** Current text of an open document (to pin the spans when persisting), undefined when closed. */
  textOf(uri: string): string | undefined;
  log: { debug(message: string): void };
  timings?: Partial<ArcTimings>;
}

const RegionSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

const ArcPendingEdit = z.object({
  ref: EditRef,
  uri: z.string(),
  schedule: ArcSchedule,
  spans: z.array(RegionSchema),
  acceptedChars: z.number().int().nonnegative(),
  untrimmed: z.boolean(),
  insertedAt: z.number(),
  /** Index of the next checkpoint. */
  next: z.number().int().nonnegative(),
  /** Checkpoint times (ms) this edit was scheduled with. */
  dueMs: z.array(z.number().nonnegative()),
  /** The text from the first to the last tracked character when last seen (pins the spans while unobserved). */
  pin: z.string().optional(),
});
type ArcPendingEdit = z.infer<typeof ArcPendingEdit>;

const ArcPendingState = z.object({ v: z.literal(1), edits: z.array(ArcPendingEdit) });

interface Followed {
  ref: EditRef;
  uri: string;
  schedule: ArcSchedule;
  spans: Region[];
  acceptedChars: number;
  untrimmed: boolean;
  insertedAt: number;
  next: number;
  dueMs: readonly number[];
  /** Set while the document is not observed (closed, or restored and not yet seen). */
  pin: string | undefined;
  timer: TimerHandle | undefined;
}

/** The envelope of the spans: from the first tracked character to the last. */
function envelope(spans: readonly Region[]): Region | undefined {
  if (spans.length === 0) return undefined;
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return { start, end };
}

export class ArcTracker implements EditFollower {
  readonly name = 'arc';
  private readonly byUri = new Map<string, Set<Followed>>();
  private readonly timings: ArcTimings;
  private disposed = false;

  constructor(private readonly deps: ArcTrackerDeps) {
    this.timings = { ...DEFAULT_ARC_TIMINGS, ...deps.timings };
  }

  /** Replaces the checkpoint times (tests); applies to edits followed from now on. */
  setTimings(timings: Partial<ArcTimings>): void {
    Object.assign(this.timings, timings);
  }

  get activeCount(): number {
    let n = 0;
    for (const s of this.byUri.values()) n += s.size;
    return n;
  }

  follow(e: FollowedEdit): void {
    if (this.disposed) return;
    const schedule: ArcSchedule = e.edit.provenance === 'ai-inline' ? 'inline' : 'chat';
    let spans: Region[];
    let untrimmed: boolean;
    let acceptedChars: number;
    if (e.changed) {
      spans = sortedSpans(e.changed.spans);
      untrimmed = !e.changed.trimmed;
      acceptedChars = Math.max(e.changed.accepted, spanChars(spans));
    } else {
      // Recorded without the change itself (an agent hook): the region, trimmed when the replaced text is known.
      const replaced = e.replacedText ?? (e.edit.charsReplaced === 0 ? '' : undefined);
      const inserted = e.documentText.slice(e.region.start, e.region.end);
      const t = replaced !== undefined ? trimmedInsert(inserted, replaced) : { start: 0, end: inserted.length };
      spans = t.end > t.start ? [{ start: e.region.start + t.start, end: e.region.start + t.end }] : [];
      untrimmed = replaced === undefined;
      acceptedChars = spanChars(spans);
    }
    const f: Followed = {
      ref: e.ref,
      uri: e.uri,
      schedule,
      spans,
      acceptedChars,
      untrimmed,
      insertedAt: e.insertedAt,
      next: 0,
      dueMs: [...(schedule === 'inline' ? this.timings.inlineMs : this.timings.chatMs)],
      pin: undefined,
      timer: undefined,
    };
    this.add(f);
    this.runDue(f, false);
    this.schedule(f);
  }

  onChange(uri: string, changes: readonly TextChange[]): void {
    const set = this.byUri.get(uri);
    if (!set) return;
    for (const f of set) {
      if (f.pin !== undefined) continue;
      for (let i = 0; i < changes.length; i++) {
        const last = f.spans[f.spans.length - 1];
        // Nothing tracked at or after the change (typing below the edit): skip without a call.
        if (last === undefined || last.end <= changes[i]!.offset) continue;
        f.spans = composeChange(f.spans, changes[i]!);
      }
    }
  }

  onDocumentClosed(uri: string, text: string): void {
    for (const f of this.byUri.get(uri) ?? []) this.pin(f, text);
  }

  onDocumentOpened(uri: string, text: string): void {
    for (const f of [...(this.byUri.get(uri) ?? [])]) this.unpin(f, text);
  }

  snapshot(): unknown {
    const edits: ArcPendingEdit[] = [];
    for (const set of this.byUri.values()) {
      for (const f of set) {
        let pin = f.pin;
        if (pin === undefined) {
          const text = this.deps.textOf(f.uri);
          const env = envelope(f.spans);
          pin = env && text !== undefined ? text.slice(env.start, env.end) : env ? undefined : '';
        }
        edits.push({
          ref: f.ref,
          uri: f.uri,
          schedule: f.schedule,
          spans: f.spans,
          acceptedChars: f.acceptedChars,
          untrimmed: f.untrimmed,
          insertedAt: f.insertedAt,
          next: f.next,
          dueMs: [...f.dueMs],
          ...(pin !== undefined ? { pin } : {}),
        });
      }
    }
    return { v: 1, edits };
  }

  restore(state: unknown, isOpen: (uri: string) => boolean): number {
    if (state === undefined) return 0;
    const parsed = ArcPendingState.safeParse(state);
    if (!parsed.success) {
      this.deps.log.debug('capture: persisted ARC state could not be read; those edits record no further ARC checkpoints');
      return 0;
    }
    let resumed = 0;
    for (const p of parsed.data.edits) {
      if (this.find(p.ref.editId)) continue;
      // Without the pinned text the spans cannot be re-found after a reload: only checkpoints already due are kept.
      const f: Followed = { ...p, spans: sortedSpans(p.spans), pin: p.pin ?? undefined, timer: undefined };
      this.add(f);
      resumed++;
      if (p.pin === undefined) {
        this.runDue(f, true);
        this.drop(f, 'its text was not pinned when the window closed');
        continue;
      }
      this.runDue(f, true);
      if (!this.isFollowed(f)) continue;
      this.schedule(f);
      if (isOpen(f.uri)) {
        const text = this.deps.textOf(f.uri);
        if (text !== undefined) this.unpin(f, text);
      }
    }
    return resumed;
  }

  dispose(): void {
    this.disposed = true;
    for (const set of this.byUri.values()) for (const f of set) if (f.timer) this.deps.clock.clearTimeout(f.timer);
    this.byUri.clear();
  }

  // ---- internals -------------------------------------------------------------------------------------------------

  private add(f: Followed): void {
    let set = this.byUri.get(f.uri);
    if (!set) this.byUri.set(f.uri, (set = new Set()));
    set.add(f);
  }

  private drop(f: Followed, why?: string): void {
    if (f.timer) this.deps.clock.clearTimeout(f.timer);
    f.timer = undefined;
    const set = this.byUri.get(f.uri);
    set?.delete(f);
    if (set?.size === 0) this.byUri.delete(f.uri);
    if (why) this.deps.log.debug(`capture: ARC of edit ${f.ref.editId} stops before its last checkpoint: ${why}`);
  }

  private isFollowed(f: Followed): boolean {
    return this.byUri.get(f.uri)?.has(f) ?? false;
  }

  private find(editId: string): Followed | undefined {
    for (const set of this.byUri.values()) for (const f of set) if (f.ref.editId === editId) return f;
    return undefined;
  }

  private pin(f: Followed, text: string): void {
    if (f.pin !== undefined) return;
    const env = envelope(f.spans);
    f.pin = env ? text.slice(env.start, env.end) : '';
  }

  /** The document is observed again: the pinned text must still be where it was, or found exactly once. */
  private unpin(f: Followed, text: string): void {
    const pin = f.pin;
    if (pin === undefined) return;
    f.pin = undefined;
    const env = envelope(f.spans);
    if (!env || text.slice(env.start, env.end) === pin) return;
    const at = text.indexOf(pin);
    if (at === -1 || text.indexOf(pin, at + 1) !== -1) {
      this.drop(f, 'its text changed while the document was not observed');
      return;
    }
    f.spans = shiftSpans(f.spans, at - env.start);
  }

  private schedule(f: Followed): void {
    if (f.timer) this.deps.clock.clearTimeout(f.timer);
    f.timer = undefined;
    const due = f.dueMs[f.next];
    if (due === undefined || !this.isFollowed(f)) return;
    f.timer = this.deps.clock.setTimeout(
      () => {
        f.timer = undefined;
        this.runDue(f, false);
        this.schedule(f);
      },
      Math.max(0, f.insertedAt + due - this.deps.clock.now()),
    );
  }

  /** Records every checkpoint that is due; the last one ends the follow. */
  private runDue(f: Followed, late: boolean): void {
    const now = this.deps.clock.now();
    const checkpoints = ARC_CHECKPOINTS_S[f.schedule];
    while (this.isFollowed(f) && f.next < f.dueMs.length && f.insertedAt + f.dueMs[f.next]! <= now) {
      const checkpoint = (checkpoints[f.next] ?? checkpoints[checkpoints.length - 1]) as ArcCheckpoint;
      f.next++;
      this.deps.emit([
        {
          kind: 'arc',
          ref: f.ref,
          schedule: f.schedule,
          checkpoint,
          acceptedChars: f.acceptedChars,
          retainedChars: spanChars(f.spans),
          ...(f.untrimmed ? { untrimmed: true } : {}),
          ...(late ? { late: true } : {}),
        },
      ]);
    }
    if (f.next >= f.dueMs.length) this.drop(f);
  }
}
