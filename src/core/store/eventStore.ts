/**
 * The one event store behind every host: append-only, day-partitioned, buffered, with incrementally maintained daily
 * rollups. Persistence is delegated to a `StoreBackend` (JSONL files on Node hosts, IndexedDB chunks on the web host),
 * so all behaviour that matters — batching, stamping, redaction, rollups, crash recovery, corrupt-line handling,
 * retention — lives here once and is unit-tested in plain Node.
 */
import { DriftEvent, SCHEMA_VERSION, type DriftEventInput, type EventKind } from '../schema/events.js';
import { addDays, dayOf, isDay, localTzOffset, type Day } from '../time/day.js';
import { systemClock, type Clock, type TimerHandle } from '../util/clock.js';
import { newId } from '../util/ids.js';
import { decodeLine, encodeEvent } from './recordCodec.js';
import { MAX_TIMESTAMP_MS, recordRangeProblem } from './recordLimits.js';
import { applyToRollups, ROLLUP_VERSION, rollupDayOf, rollupShapeProblem, type DailyRollup } from './rollup.js';
import { Supersession } from './supersession.js';

/**
 * One partition of a day: on Node hosts a file per day per writer (window), so several windows appending to one
 * store never share a file and each can state exactly which bytes its rollups were computed from. `name` is unique in
 * the store (it contains the day).
 */
export interface PartitionRef {
  day: Day;
  name: string;
}

/** A stored line, or a marker for a line the backend refused to materialise (e.g. longer than its line limit). */
export type StoredLine = string | { readonly skipped: string };

/** Persistence primitives a host provides. Days are local `YYYY-MM-DD`; months `YYYY-MM`. */
export interface StoreBackend {
  /** Human-readable location, for logs and the README's "where is my data". */
  readonly location: string;
  /**
   * Appends complete lines (without trailing newline) to THIS writer's partition of the day, atomically per call
   * where possible. Returns that partition and its fingerprint right after the append.
   */
  appendLines(day: Day, lines: readonly string[]): Promise<{ partition: string; fingerprint: string }>;
  /** Every partition of every writer. Throws when the store exists but cannot be listed (not when it is empty). */
  listPartitions(): Promise<PartitionRef[]>;
  /** Reads one partition. Throws when it cannot be read (a directory, a FIFO, a link out of the store, no access). */
  readLines(partition: PartitionRef): AsyncIterable<StoredLine>;
  /** A cheap value that changes whenever the partition changes (file size, chunk count). */
  partitionFingerprint(partition: PartitionRef): Promise<string>;
  /** Deletes every writer's partition of the day. */
  deleteDay(day: Day): Promise<void>;
  loadRollupMonths(): Promise<Map<string, string>>;
  saveRollupMonth(month: string, json: string): Promise<void>;
  deleteRollupMonth(month: string): Promise<void>;
}

export type CodeLevel = 'all' | 'noCode';

export interface StoreLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface StoreOptions {
  clock?: Clock;
  logger?: StoreLogger;
  /** How often buffered records are written (ms). A killed host loses at most this much. */
  flushIntervalMs?: number;
  /** How often rollups are persisted (ms); a crash in between is repaired from raw data on next open. */
  rollupSaveIntervalMs?: number;
  /** Max lines per backend append call. */
  batchSize?: number;
  /** Max records held in memory while the backend fails (e.g. disk full); the oldest beyond are dropped and counted. */
  maxBuffered?: number;
  codeLevel?: CodeLevel;
  /** Never write (CLI reading a store the editor may be writing): rollups are repaired in memory only. */
  readOnly?: boolean;
  /** How often to pick up other windows' appends to the same store (ms); 0 = never. Default 15 s, read-only 0. */
  refreshIntervalMs?: number;
}

export interface StoreHealth {
  /** Lines skipped in the latest read of each partition: bad JSON, truncated writes, invalid or out-of-range records. */
  corruptLines: number;
  futureRecords: number;
  /** Partitions that could not be read at all in their latest read (a directory, a FIFO, a link out of the store…). */
  unreadablePartitions: number;
  pending: number;
  writeFailures: number;
  droppedWhileFailing: number;
  lastWriteError?: string;
}

/** What one read skipped; pass your own to `readRaw` to learn it for exactly that read (exports report it). */
export interface ReadTally {
  corruptLines: number;
  duplicateRecords: number;
  unreadablePartitions: number;
}

export function emptyTally(): ReadTally {
  return { corruptLines: 0, duplicateRecords: 0, unreadablePartitions: 0 };
}

export interface ReadOptions {
  since?: Day;
  until?: Day;
  kinds?: readonly EventKind[];
  /**
   * Record ids already yielded: a record whose id is in the set is skipped as a duplicate (the same store copied
   * twice, a partition copied beside itself), and yielded ids are added. `read()` uses a fresh set per call.
   */
  seen?: Set<string>;
  tally?: ReadTally;
}

/** A raw stored line as read back: decoded when this build understands it, preserved as-is otherwise. */
export interface RawRecord {
  day: Day;
  partition: string;
  line: string;
  decoded: ReturnType<typeof decodeLine>;
}

interface RollupMonthDoc {
  v: number;
  /** Per partition day: the fingerprints of every writer's partition that the saved rollups were computed from. */
  fingerprints: Record<Day, string>;
  days: Record<Day, DailyRollup>;
}

interface Buffered {
  day: Day;
  rollupDay: Day;
  event: DriftEvent;
  line: string;
}

const TEXT_FIELDS = ['text', 'replacedText', 'regionText', 'context', 'regionContext'] as const;

/** Removes code text from a record, for code level `noCode` and `noCode` exports. */
export function stripCode<T extends Record<string, unknown>>(record: T): T {
  if (!TEXT_FIELDS.some((f) => f in record)) return record;
  const copy: Record<string, unknown> = { ...record };
  for (const f of TEXT_FIELDS) delete copy[f];
  return copy as T;
}

/** One string for a day's partitions and their fingerprints, independent of listing order. */
function canonicalFingerprint(parts: ReadonlyMap<string, string>): string {
  return [...parts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, fp]) => `${name}=${fp}`)
    .join('|');
}

function groupByDay(parts: readonly PartitionRef[]): Map<Day, PartitionRef[]> {
  const out = new Map<Day, PartitionRef[]>();
  for (const p of parts) {
    const list = out.get(p.day);
    if (list) list.push(p);
    else out.set(p.day, [p]);
  }
  for (const list of out.values()) list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}

/** Days before today (by the store's clock) whose partitions another window may still be appending to. */
const LIVE_DAYS = 2;

export class EventStore {
  private readonly clock: Clock;
  private readonly log: StoreLogger;
  private readonly flushIntervalMs: number;
  private readonly rollupSaveIntervalMs: number;
  private readonly refreshIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxBuffered: number;
  private codeLevel: CodeLevel;
  private readonly readOnly: boolean;

  private buffer: Buffered[] = [];
  private readonly rollupsByDay = new Map<Day, DailyRollup>();
  /**
   * Per partition day: the partitions (of every writer) folded into the in-memory rollups, with the fingerprint each
   * had when it was read. Saved with the rollups; a partition whose fingerprint differs, or that is missing here, was
   * changed by someone else (another window, a crash before the rollup save) and its days are re-derived.
   */
  private readonly known = new Map<Day, Map<string, string>>();
  /** Ids appended in this session, so a producer re-sending a record cannot count it twice. */
  private readonly sessionIds = new Set<string>();
  private readonly dirtyMonths = new Set<string>();
  /** Edit days that received re-scores in this session and are rebuilt from disk once those are written. */
  private readonly rebuildAfterWrite = new Set<Day>();
  private flushTimer: TimerHandle | undefined;
  private rollupTimer: TimerHandle | undefined;
  private refreshTimer: TimerHandle | undefined;
  /** The one write-side operation running (a flush or a refresh); every other waits for it. */
  private flushing: Promise<void> | undefined;
  private readonly listeners = new Set<(events: readonly DriftEvent[]) => void>();
  private readonly healthState = { futureRecords: 0, writeFailures: 0, droppedWhileFailing: 0, lastWriteError: undefined as string | undefined };
  /** Corrupt lines per partition, from the latest full read of that partition (so re-reads do not double count). */
  private readonly corruptByPart = new Map<string, number>();
  private readonly corruptLogged = new Map<string, number>();
  /** Partitions whose latest read failed, with the reason logged for them (logged again only when it changes). */
  private readonly unreadable = new Map<string, string>();
  private listingProblem: string | undefined;
  private failingSince: number | undefined;
  private disposed = false;

  private constructor(
    private readonly backend: StoreBackend,
    options: StoreOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.log = options.logger ?? { info: () => {}, warn: () => {}, error: () => {} };
    this.flushIntervalMs = options.flushIntervalMs ?? 1000;
    this.rollupSaveIntervalMs = options.rollupSaveIntervalMs ?? 10_000;
    this.refreshIntervalMs = options.refreshIntervalMs ?? (options.readOnly ? 0 : 15_000);
    this.batchSize = options.batchSize ?? 1000;
    this.maxBuffered = options.maxBuffered ?? 100_000;
    this.codeLevel = options.codeLevel ?? 'all';
    this.readOnly = options.readOnly ?? false;
  }

  /**
   * Opens a store: loads persisted rollups and repairs any day whose raw partitions changed since its rollup was
   * saved (a crash between the append and the rollup save, another window's appends, a rollup file lost, corrupt or
   * of the wrong shape, an older rollup version).
   */
  static async open(backend: StoreBackend, options: StoreOptions = {}): Promise<EventStore> {
    const store = new EventStore(backend, options);
    await store.loadRollups();
    store.scheduleRefresh();
    return store;
  }

  get location(): string {
    return this.backend.location;
  }

  setCodeLevel(level: CodeLevel): void {
    this.codeLevel = level;
  }

  health(): StoreHealth {
    let corrupt = 0;
    for (const n of this.corruptByPart.values()) corrupt += n;
    const { lastWriteError, ...counters } = this.healthState;
    return {
      ...counters,
      ...(lastWriteError !== undefined ? { lastWriteError } : {}),
      corruptLines: corrupt,
      unreadablePartitions: this.unreadable.size,
      pending: this.buffer.length,
    };
  }

  /**
   * Subscribes to records as they are accepted (before they are written). Also called with an empty list when the
   * rollups changed because another window wrote to the store, so views re-render.
   */
  onDidAppend(listener: (events: readonly DriftEvent[]) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private notify(events: readonly DriftEvent[]): void {
    for (const l of this.listeners) {
      try {
        l(events);
      } catch (err) {
        this.log.error(`event store: listener failed: ${String(err)}`);
      }
    }
  }

  /**
   * Stamps, validates and buffers records; they reach the backend within `flushIntervalMs`. Returns the stamped
   * records. Invalid input is logged and skipped (never thrown), so a bug in one producer cannot stop capture.
   */
  append(input: DriftEventInput | readonly DriftEventInput[]): DriftEvent[] {
    if (this.disposed || this.readOnly) {
      this.log.warn(`event store: append ignored (${this.disposed ? 'store disposed' : 'store opened read-only'})`);
      return [];
    }
    const inputs = Array.isArray(input) ? input : [input as DriftEventInput];
    const accepted: DriftEvent[] = [];
    for (const item of inputs) {
      const event = this.stamp(item);
      if (!event) continue;
      let day: Day;
      let rollupDay: Day;
      if (event.kind === 'rescore') {
        // A re-score supersedes records already folded, which counters cannot undo one record at a time: it is
        // written to its edit's day and that day is rebuilt from disk right after the write (see `flush`).
        rollupDay = day = rollupDayOf(event);
        this.rebuildAfterWrite.add(day);
      } else {
        day = dayOf(event.ts, event.tz);
        rollupDay = applyToRollups(this.rollupsByDay, event);
      }
      this.sessionIds.add(event.id);
      this.buffer.push({ day, rollupDay, event, line: encodeEvent(event) });
      this.markRollup(rollupDay);
      accepted.push(event);
    }
    if (this.buffer.length > this.maxBuffered) {
      const drop = this.buffer.length - this.maxBuffered;
      this.buffer.splice(0, drop);
      this.healthState.droppedWhileFailing += drop;
      this.log.error(`event store: ${drop} buffered records dropped: the store has been failing to write (${this.healthState.lastWriteError ?? 'unknown error'})`);
    }
    if (accepted.length > 0) {
      this.scheduleFlush();
      this.notify(accepted);
    }
    return accepted;
  }

  /** Validates one input; logs one line and returns undefined when it cannot be stored. Never throws. */
  private stamp(item: DriftEventInput): DriftEvent | undefined {
    const kind = typeof item === 'object' && item !== null ? String((item as { kind?: unknown }).kind) : typeof item;
    try {
      const ts = item.ts ?? this.clock.now();
      const candidate = {
        ...(this.codeLevel === 'noCode' ? stripCode(item as Record<string, unknown>) : item),
        schema: SCHEMA_VERSION,
        id: item.id ?? newId(),
        ts,
        tz: item.tz ?? (typeof ts === 'number' && Number.isFinite(ts) && Math.abs(ts) <= MAX_TIMESTAMP_MS ? localTzOffset(ts) : 0),
      };
      const parsed = DriftEvent.safeParse(candidate);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        this.log.warn(`event store: rejected invalid ${kind} record (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'schema mismatch'})`);
        return undefined;
      }
      const problem = recordRangeProblem(parsed.data);
      if (problem) {
        this.log.warn(`event store: rejected out-of-range ${kind} record (${problem})`);
        return undefined;
      }
      if (this.sessionIds.has(parsed.data.id)) {
        this.log.warn(`event store: rejected duplicate ${kind} record (id ${parsed.data.id} was already stored)`);
        return undefined;
      }
      return parsed.data;
    } catch (err) {
      this.log.warn(`event store: rejected ${kind} record (${err instanceof Error ? err.message : String(err)})`);
      return undefined;
    }
  }

  /** Writes everything buffered. Safe to call concurrently; resolves when the buffer at call time is written or failed. */
  async flush(): Promise<void> {
    if (this.flushTimer) {
      this.clock.clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    let rebuilt = false;
    await this.exclusive(async () => {
      if (this.buffer.length > 0) await this.writeBuffer();
      if (this.rebuildAfterWrite.size > 0 && this.buffer.every((b) => b.event.kind !== 'rescore')) {
        const days = [...this.rebuildAfterWrite];
        this.rebuildAfterWrite.clear();
        const parts = await this.listPartitions();
        if (parts) {
          await this.rebuildDays(days, groupByDay(parts));
          rebuilt = true;
        } else for (const d of days) this.rebuildAfterWrite.add(d);
      }
    });
    // Views re-render: re-scored days changed under them.
    if (rebuilt) this.notify([]);
  }

  /** Runs `task` when no flush or refresh is running; they never interleave (a refresh must see a settled buffer). */
  private async exclusive(task: () => Promise<void>): Promise<void> {
    while (this.flushing) await this.flushing;
    const run = task().finally(() => {
      this.flushing = undefined;
    });
    this.flushing = run;
    await run;
  }

  private async writeBuffer(): Promise<void> {
    const pending = this.buffer;
    this.buffer = [];
    // Group consecutive records by day, preserving order, in batches.
    let i = 0;
    while (i < pending.length) {
      const day = pending[i]!.day;
      const lines: string[] = [];
      let j = i;
      while (j < pending.length && pending[j]!.day === day && lines.length < this.batchSize) {
        lines.push(pending[j]!.line);
        j++;
      }
      try {
        const written = await this.backend.appendLines(day, lines);
        this.knownFor(day).set(written.partition, written.fingerprint);
        this.markRollup(day);
        if (this.failingSince !== undefined) {
          this.log.info(`event store: writing works again after ${this.clock.now() - this.failingSince} ms`);
          this.failingSince = undefined;
        }
      } catch (err) {
        // Keep what could not be written (at the front, in order) and retry on the next flush.
        this.buffer = pending.slice(i).concat(this.buffer);
        this.healthState.writeFailures++;
        this.healthState.lastWriteError = err instanceof Error ? err.message : String(err);
        if (this.failingSince === undefined) {
          this.failingSince = this.clock.now();
          this.log.error(`event store: cannot write to ${this.backend.location}: ${this.healthState.lastWriteError}; keeping ${this.buffer.length} records in memory and retrying`);
        }
        this.scheduleFlush(Math.min(30_000, this.flushIntervalMs * 2 ** Math.min(5, this.healthState.writeFailures)));
        return;
      }
      i = j;
    }
    this.scheduleRollupSave();
  }

  private knownFor(day: Day): Map<string, string> {
    let m = this.known.get(day);
    if (!m) {
      m = new Map();
      this.known.set(day, m);
    }
    return m;
  }

  private scheduleFlush(delay = this.flushIntervalMs): void {
    if (this.flushTimer || this.disposed) return;
    this.flushTimer = this.clock.setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, delay);
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer || this.disposed || this.refreshIntervalMs <= 0) return;
    this.refreshTimer = this.clock.setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh().finally(() => this.scheduleRefresh());
    }, this.refreshIntervalMs);
  }

  private markRollup(day: Day): void {
    this.dirtyMonths.add(day.slice(0, 7));
  }

  private scheduleRollupSave(): void {
    if (this.rollupTimer || this.disposed) return;
    this.rollupTimer = this.clock.setTimeout(() => {
      this.rollupTimer = undefined;
      void this.saveRollups();
    }, this.rollupSaveIntervalMs);
  }

  /** Persists rollups of months changed since the last save. */
  async saveRollups(): Promise<void> {
    if (this.rollupTimer) {
      this.clock.clearTimeout(this.rollupTimer);
      this.rollupTimer = undefined;
    }
    if (this.readOnly) return;
    const months = [...this.dirtyMonths];
    this.dirtyMonths.clear();
    // A day with records still in memory is not consistent with its partitions: neither its fingerprints nor the
    // rollup it feeds are saved, so a crash now makes the next open re-derive it from what did reach the disk.
    const unwrittenDays = new Set<Day>();
    for (const b of this.buffer) {
      unwrittenDays.add(b.day);
      unwrittenDays.add(b.rollupDay);
    }
    for (const month of months) {
      const doc: RollupMonthDoc = { v: ROLLUP_VERSION, fingerprints: {}, days: {} };
      for (const [day, parts] of this.known) {
        if (day.startsWith(month) && !unwrittenDays.has(day) && parts.size > 0) doc.fingerprints[day] = canonicalFingerprint(parts);
      }
      for (const [day, rollup] of this.rollupsByDay) {
        if (!day.startsWith(month) || unwrittenDays.has(day) || doc.fingerprints[day] === undefined) continue;
        doc.days[day] = rollup;
      }
      try {
        if (Object.keys(doc.fingerprints).length === 0) await this.backend.deleteRollupMonth(month);
        else await this.backend.saveRollupMonth(month, JSON.stringify(doc));
      } catch (err) {
        this.dirtyMonths.add(month);
        this.log.warn(`event store: could not save rollups for ${month}: ${String(err)}; will retry`);
      }
    }
  }

  /** Lists partitions; logs once (per distinct problem) and returns undefined when the store cannot be listed. */
  private async listPartitions(): Promise<PartitionRef[] | undefined> {
    try {
      const parts = await this.backend.listPartitions();
      if (this.listingProblem !== undefined) this.log.info(`event store: ${this.backend.location} can be read again`);
      this.listingProblem = undefined;
      return parts;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (this.listingProblem !== reason) {
        this.listingProblem = reason;
        this.log.warn(`event store: cannot list the events of ${this.backend.location} (${reason}); showing no raw records until it is readable`);
      }
      return undefined;
    }
  }

  /** Current fingerprints of the given partitions; an unreadable one gets a fingerprint that never matches. */
  private async fingerprintsOf(parts: readonly PartitionRef[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const p of parts) {
      try {
        out.set(p.name, await this.backend.partitionFingerprint(p));
      } catch (err) {
        out.set(p.name, `unreadable:${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return out;
  }

  private async loadRollups(): Promise<void> {
    let docs: Map<string, string>;
    try {
      docs = await this.backend.loadRollupMonths();
    } catch (err) {
      this.log.warn(`event store: could not read rollups (${String(err)}); rebuilding from raw events`);
      docs = new Map();
    }
    const saved = new Map<Day, string>();
    for (const [month, json] of docs) {
      try {
        const doc = JSON.parse(json) as Partial<RollupMonthDoc> | null;
        if (typeof doc !== 'object' || doc === null || doc.v !== ROLLUP_VERSION || typeof doc.days !== 'object' || doc.days === null || typeof doc.fingerprints !== 'object' || doc.fingerprints === null) {
          this.log.info(`event store: rollups for ${month} are version ${String(doc?.v)}, rebuilding with version ${ROLLUP_VERSION}`);
          continue;
        }
        let badShape = '';
        for (const [day, fp] of Object.entries(doc.fingerprints)) {
          if (typeof fp === 'string' && isDay(day) && day.startsWith(month)) saved.set(day, fp);
        }
        for (const [day, rollup] of Object.entries(doc.days)) {
          const problem = rollupShapeProblem(day, rollup);
          if (problem) {
            // Forget the day's fingerprint too, so it is re-derived from raw events.
            saved.delete(day);
            badShape ||= `${day}: ${problem}`;
            continue;
          }
          if (saved.has(day)) this.rollupsByDay.set(day, rollup);
        }
        if (badShape) this.log.warn(`event store: rollups for ${month} have the wrong shape (${badShape}); rebuilding those days from raw events`);
      } catch {
        this.log.warn(`event store: rollup file for ${month} is corrupt; rebuilding that month from raw events`);
      }
    }
    const parts = await this.listPartitions();
    if (!parts) return; // cannot verify anything: keep what was saved, rebuild nothing (and so delete nothing)
    const byDay = groupByDay(parts);
    const stale: Day[] = [];
    for (const [day, dayParts] of byDay) {
      const current = await this.fingerprintsOf(dayParts);
      if (saved.get(day) === canonicalFingerprint(current)) this.known.set(day, current);
      else stale.push(day);
    }
    for (const day of this.rollupsByDay.keys()) {
      if (!byDay.has(day)) stale.push(day);
    }
    if (stale.length > 0) await this.rebuildDays(stale, byDay);
  }

  /**
   * Picks up what other writers (windows) appended since this store last looked: partitions of the last days that
   * changed or appeared are re-read and the rollup days they feed are re-derived. Called on a timer (every
   * `refreshIntervalMs`); cheap when nothing changed (one directory listing and a few stats).
   * Returns whether any rollup changed.
   */
  async refresh(): Promise<boolean> {
    if (this.disposed) return false;
    let changed = false;
    await this.flush();
    await this.exclusive(async () => {
      const parts = await this.listPartitions();
      if (!parts) return;
      const byDay = groupByDay(parts);
      const liveFrom = addDays(dayOf(this.clock.now(), localTzOffset(this.clock.now())), -LIVE_DAYS);
      const stale = new Set<Day>();
      for (const [day, dayParts] of byDay) {
        const known = this.known.get(day);
        // A partition never seen is news whatever its day (another window's first write; a file put there by hand).
        if (dayParts.some((p) => !known?.has(p.name))) {
          stale.add(day);
          continue;
        }
        if (day < liveFrom) continue;
        if (canonicalFingerprint(await this.fingerprintsOf(dayParts)) !== canonicalFingerprint(known ?? new Map())) stale.add(day);
      }
      for (const day of this.known.keys()) if (!byDay.has(day) && (this.known.get(day)?.size ?? 0) > 0) stale.add(day);
      if (stale.size === 0) return;
      await this.rebuildDays([...stale], byDay);
      changed = true;
    });
    if (changed) this.notify([]);
    return changed;
  }

  /**
   * Re-derives rollups touched by the given raw partition days. Records in a partition can roll up to an earlier day
   * (survival of an edit made before midnight), so every rollup day fed by these partitions is recomputed from all
   * partitions that could feed it (the day itself and the next one). Records are counted once per id, whichever
   * partitions hold them. Must run with no flush in progress; records still buffered are folded back in afterwards.
   */
  private async rebuildDays(days: Day[], byDay: Map<Day, PartitionRef[]>): Promise<void> {
    const started = this.clock.now();
    const stale = new Set(days);
    const seen = new Set<string>();
    // Pass 1: every partition of every stale day once, folded into fresh rollups keyed by each record's rollup day.
    // Fingerprints are taken BEFORE reading, so a record appended meanwhile makes the day stale again, never lost.
    const fresh = new Map<Day, DailyRollup>();
    const superseded = new Supersession();
    const affected = new Set<Day>(days);
    for (const day of [...stale].sort()) {
      const parts = byDay.get(day) ?? [];
      const fps = await this.fingerprintsOf(parts);
      for await (const rec of this.readParts(parts, { seen })) {
        if (rec.decoded.type !== 'event') continue;
        affected.add(applyToRollups(fresh, rec.decoded.event));
        superseded.observe(rec.decoded.event);
      }
      if (parts.length > 0) this.known.set(day, fps);
      else this.known.delete(day);
    }
    // Pass 2: an affected rollup day also receives records from partitions that are NOT stale — its own partitions
    // and the next day's (an edit's records arrive within minutes, or after a reload) — so fold those in too.
    const neighbours = new Set<Day>();
    for (const d of affected) {
      for (const candidate of [d, addDays(d, 1)]) if (byDay.has(candidate) && !stale.has(candidate)) neighbours.add(candidate);
    }
    for (const src of [...neighbours].sort()) {
      for await (const rec of this.readParts(byDay.get(src) ?? [], { seen })) {
        if (rec.decoded.type !== 'event') continue;
        if (!affected.has(rollupDayOf(rec.decoded.event))) continue;
        applyToRollups(fresh, rec.decoded.event);
        superseded.observe(rec.decoded.event);
      }
    }
    superseded.retractLosers(fresh);
    for (const d of affected) {
      this.rollupsByDay.delete(d);
      const r = fresh.get(d);
      if (r) this.rollupsByDay.set(d, r);
      this.markRollup(d);
    }
    // Records accepted while the rebuild read the disk are not on disk yet: fold them back in.
    // (Re-scores are not folded: their day is rebuilt again once they are written.)
    for (const b of this.buffer) if (affected.has(b.rollupDay) && b.event.kind !== 'rescore') applyToRollups(this.rollupsByDay, b.event);
    this.log.info(`event store: rebuilt rollups for ${affected.size} day(s) from raw events in ${this.clock.now() - started} ms`);
    await this.saveRollups();
  }

  /** Daily rollups in a day range (inclusive), oldest first. Served from memory; never rescans raw events. */
  rollups(since?: Day, until?: Day): DailyRollup[] {
    const out: DailyRollup[] = [];
    for (const [day, r] of this.rollupsByDay) {
      if (since !== undefined && day < since) continue;
      if (until !== undefined && day > until) continue;
      out.push(r);
    }
    return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  }

  async days(): Promise<Day[]> {
    await this.flush();
    return [...groupByDay((await this.listPartitions()) ?? []).keys()].sort();
  }

  /**
   * Every stored line in the range, decoded where possible; future-version records are passed through untouched.
   * Bad lines and records, duplicates and unreadable partitions are skipped, counted and logged (once per partition
   * and count), never thrown.
   */
  async *readRaw(options: ReadOptions = {}): AsyncGenerator<RawRecord> {
    const parts = (await this.listPartitions()) ?? [];
    const inRange = parts
      .filter((p) => (options.since === undefined || p.day >= options.since) && (options.until === undefined || p.day <= options.until))
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    yield* this.readParts(inRange, options);
  }

  private async *readParts(parts: readonly PartitionRef[], options: ReadOptions): AsyncGenerator<RawRecord> {
    for (const part of parts) {
      let corruptHere = 0;
      let firstReason = '';
      try {
        for await (const stored of this.backend.readLines(part)) {
          if (typeof stored !== 'string') {
            corruptHere++;
            firstReason ||= stored.skipped;
            continue;
          }
          if (stored.trim() === '') continue;
          const decoded = decodeLine(stored);
          if (decoded.type === 'corrupt') {
            corruptHere++;
            firstReason ||= decoded.reason;
            continue;
          }
          const id = decoded.type === 'event' ? decoded.event.id : typeof decoded.raw['id'] === 'string' ? decoded.raw['id'] : undefined;
          if (options.seen && id !== undefined) {
            if (options.seen.has(id)) {
              if (options.tally) options.tally.duplicateRecords++;
              continue;
            }
            options.seen.add(id);
          }
          if (decoded.type === 'future') this.healthState.futureRecords++;
          if (decoded.type === 'event' && options.kinds && !options.kinds.includes(decoded.event.kind)) continue;
          yield { day: part.day, partition: part.name, line: stored, decoded };
        }
        if (this.unreadable.delete(part.name)) this.log.info(`event store: ${part.name} can be read again`);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        if (options.tally) options.tally.unreadablePartitions++;
        if (this.unreadable.get(part.name) !== reason) {
          this.unreadable.set(part.name, reason);
          this.log.warn(`event store: skipped ${part.name}: ${reason}; the other partitions are kept`);
        }
      }
      if (options.tally) options.tally.corruptLines += corruptHere;
      this.corruptByPart.set(part.name, corruptHere);
      // One log line per partition and count: re-reading the same damaged file does not repeat the warning.
      if (corruptHere > 0 && this.corruptLogged.get(part.name) !== corruptHere) {
        this.corruptLogged.set(part.name, corruptHere);
        this.log.warn(`event store: skipped ${corruptHere} corrupt line(s) in ${part.name} (first: ${firstReason}); valid records are kept`);
      }
    }
  }

  /** Valid current-version events in the range (after flushing the buffer), each record id once. */
  async *read(options: ReadOptions = {}): AsyncGenerator<DriftEvent> {
    await this.flush();
    for await (const rec of this.readRaw({ ...options, seen: options.seen ?? new Set() })) {
      if (rec.decoded.type === 'event') yield rec.decoded.event;
    }
  }

  /** Deletes raw partitions and rollups older than `keepDays` days before `today`. Returns the number of days removed. */
  async applyRetention(keepDays: number, today: Day): Promise<number> {
    if (!Number.isFinite(keepDays) || keepDays <= 0 || this.readOnly) return 0;
    await this.flush();
    const cutoff = addDays(today, -keepDays);
    let removed = 0;
    for (const day of groupByDay((await this.listPartitions()) ?? []).keys()) {
      if (day < cutoff) {
        await this.backend.deleteDay(day);
        this.known.delete(day);
        this.markRollup(day);
        removed++;
      }
    }
    for (const day of [...this.rollupsByDay.keys()]) {
      if (day < cutoff) {
        this.rollupsByDay.delete(day);
        this.markRollup(day);
      }
    }
    if (removed > 0) this.log.info(`event store: retention removed ${removed} day(s) older than ${cutoff}`);
    await this.saveRollups();
    return removed;
  }

  /** Flushes records and rollups; the store accepts nothing afterwards. */
  async dispose(): Promise<void> {
    await this.flush();
    await this.saveRollups();
    this.disposed = true;
    if (this.flushTimer) this.clock.clearTimeout(this.flushTimer);
    if (this.rollupTimer) this.clock.clearTimeout(this.rollupTimer);
    if (this.refreshTimer) this.clock.clearTimeout(this.refreshTimer);
    this.listeners.clear();
  }
}
