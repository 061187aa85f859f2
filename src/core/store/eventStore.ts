/**
 * The one event store behind every host: append-only, day-partitioned, buffered, with incrementally maintained daily
 * rollups. Persistence is delegated to a `StoreBackend` (JSONL files on Node hosts, IndexedDB chunks on the web host),
 * so all behaviour that matters — batching, stamping, redaction, rollups, crash recovery, corrupt-line handling,
 * retention — lives here once and is unit-tested in plain Node.
 */
import { DriftEvent, SCHEMA_VERSION, type DriftEventInput, type EventKind } from '../schema/events.js';
import { addDays, dayOf, localTzOffset, type Day } from '../time/day.js';
import { systemClock, type Clock, type TimerHandle } from '../util/clock.js';
import { newId } from '../util/ids.js';
import { decodeLine, encodeEvent } from './recordCodec.js';
import { applyToRollups, ROLLUP_VERSION, rollupDayOf, type DailyRollup } from './rollup.js';

/** Persistence primitives a host provides. Days are local `YYYY-MM-DD`; months `YYYY-MM`. */
export interface StoreBackend {
  /** Human-readable location, for logs and the README's "where is my data". */
  readonly location: string;
  /** Appends complete lines (without trailing newline) to a day partition, atomically per call where possible. */
  appendLines(day: Day, lines: readonly string[]): Promise<void>;
  readLines(day: Day): AsyncIterable<string>;
  listDays(): Promise<Day[]>;
  /** A cheap value that changes whenever the day's partition changes (file size, chunk count). */
  dayFingerprint(day: Day): Promise<string>;
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
}

export interface StoreHealth {
  corruptLines: number;
  futureRecords: number;
  pending: number;
  writeFailures: number;
  droppedWhileFailing: number;
  lastWriteError?: string;
}

export interface ReadOptions {
  since?: Day;
  until?: Day;
  kinds?: readonly EventKind[];
}

/** A raw stored line as read back: decoded when this build understands it, preserved as-is otherwise. */
export interface RawRecord {
  day: Day;
  line: string;
  decoded: ReturnType<typeof decodeLine>;
}

interface RollupMonthDoc {
  v: number;
  /** Fingerprint of each day's raw partition at the time its rollup was computed. */
  fingerprints: Record<Day, string>;
  days: Record<Day, DailyRollup>;
}

const TEXT_FIELDS = ['text', 'replacedText', 'regionText'] as const;

/** Removes code text from a record, for code level `noCode` and `noCode` exports. */
export function stripCode<T extends Record<string, unknown>>(record: T): T {
  if (!TEXT_FIELDS.some((f) => f in record)) return record;
  const copy: Record<string, unknown> = { ...record };
  for (const f of TEXT_FIELDS) delete copy[f];
  return copy as T;
}

export class EventStore {
  private readonly clock: Clock;
  private readonly log: StoreLogger;
  private readonly flushIntervalMs: number;
  private readonly rollupSaveIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxBuffered: number;
  private codeLevel: CodeLevel;
  private readonly readOnly: boolean;

  private buffer: { day: Day; event: DriftEvent; line: string }[] = [];
  private readonly rollupsByDay = new Map<Day, DailyRollup>();
  private readonly fingerprints = new Map<Day, string>();
  private readonly dirtyMonths = new Set<string>();
  private flushTimer: TimerHandle | undefined;
  private rollupTimer: TimerHandle | undefined;
  private flushing: Promise<void> | undefined;
  private readonly listeners = new Set<(events: readonly DriftEvent[]) => void>();
  private readonly healthState: StoreHealth = {
    corruptLines: 0,
    futureRecords: 0,
    pending: 0,
    writeFailures: 0,
    droppedWhileFailing: 0,
  };
  /** Corrupt lines per day partition, from the latest full read of that day (so re-reads do not double count). */
  private readonly corruptByDay = new Map<Day, number>();
  private readonly corruptLogged = new Map<Day, number>();
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
    this.batchSize = options.batchSize ?? 1000;
    this.maxBuffered = options.maxBuffered ?? 100_000;
    this.codeLevel = options.codeLevel ?? 'all';
    this.readOnly = options.readOnly ?? false;
  }

  /**
   * Opens a store: loads persisted rollups and repairs any day whose raw partition changed since its rollup was
   * saved (a crash between the append and the rollup save, a rollup file lost or corrupt, an older rollup version).
   */
  static async open(backend: StoreBackend, options: StoreOptions = {}): Promise<EventStore> {
    const store = new EventStore(backend, options);
    await store.loadRollups();
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
    for (const n of this.corruptByDay.values()) corrupt += n;
    return { ...this.healthState, corruptLines: corrupt, pending: this.buffer.length };
  }

  /** Subscribes to records as they are accepted (before they are written). */
  onDidAppend(listener: (events: readonly DriftEvent[]) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
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
      const ts = item.ts ?? this.clock.now();
      const candidate = {
        ...(this.codeLevel === 'noCode' ? stripCode(item as Record<string, unknown>) : item),
        schema: SCHEMA_VERSION,
        id: item.id ?? newId(),
        ts,
        tz: item.tz ?? localTzOffset(ts),
      };
      const parsed = DriftEvent.safeParse(candidate);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        this.log.warn(
          `event store: rejected invalid ${String((item as { kind?: unknown }).kind)} record (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'schema mismatch'})`,
        );
        continue;
      }
      const event = parsed.data;
      const day = dayOf(event.ts, event.tz);
      this.buffer.push({ day, event, line: encodeEvent(event) });
      this.markRollup(applyToRollups(this.rollupsByDay, event));
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
      for (const l of this.listeners) {
        try {
          l(accepted);
        } catch (err) {
          this.log.error(`event store: listener failed: ${String(err)}`);
        }
      }
    }
    return accepted;
  }

  /** Writes everything buffered. Safe to call concurrently; resolves when the buffer at call time is written or failed. */
  async flush(): Promise<void> {
    if (this.flushTimer) {
      this.clock.clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    while (this.flushing) await this.flushing;
    if (this.buffer.length === 0) return;
    this.flushing = this.writeBuffer().finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
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
        await this.backend.appendLines(day, lines);
        this.fingerprints.set(day, await this.backend.dayFingerprint(day));
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

  private scheduleFlush(delay = this.flushIntervalMs): void {
    if (this.flushTimer || this.disposed) return;
    this.flushTimer = this.clock.setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, delay);
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
    for (const month of months) {
      const doc: RollupMonthDoc = { v: ROLLUP_VERSION, fingerprints: {}, days: {} };
      for (const [day, rollup] of this.rollupsByDay) {
        if (!day.startsWith(month)) continue;
        const fp = this.fingerprints.get(day);
        // Only days whose raw data is fully written are saved as consistent; others are re-derived on next open.
        if (fp === undefined || this.buffer.some((b) => b.day === day)) continue;
        doc.fingerprints[day] = fp;
        doc.days[day] = rollup;
      }
      try {
        if (Object.keys(doc.days).length === 0) await this.backend.deleteRollupMonth(month);
        else await this.backend.saveRollupMonth(month, JSON.stringify(doc));
      } catch (err) {
        this.dirtyMonths.add(month);
        this.log.warn(`event store: could not save rollups for ${month}: ${String(err)}; will retry`);
      }
    }
  }

  private async loadRollups(): Promise<void> {
    let docs: Map<string, string>;
    try {
      docs = await this.backend.loadRollupMonths();
    } catch (err) {
      this.log.warn(`event store: could not read rollups (${String(err)}); rebuilding from raw events`);
      docs = new Map();
    }
    for (const [month, json] of docs) {
      try {
        const doc = JSON.parse(json) as RollupMonthDoc;
        if (doc.v !== ROLLUP_VERSION || typeof doc.days !== 'object' || typeof doc.fingerprints !== 'object') {
          this.log.info(`event store: rollups for ${month} are version ${String(doc.v)}, rebuilding with version ${ROLLUP_VERSION}`);
          continue;
        }
        for (const [day, rollup] of Object.entries(doc.days)) {
          const fp = doc.fingerprints[day];
          if (fp === undefined) continue;
          this.rollupsByDay.set(day, rollup);
          this.fingerprints.set(day, fp);
        }
      } catch {
        this.log.warn(`event store: rollup file for ${month} is corrupt; rebuilding that month from raw events`);
      }
    }
    // Repair: any day whose partition differs from what its rollup saw is re-derived from raw events.
    const days = await this.backend.listDays();
    const stale: Day[] = [];
    for (const day of days) {
      const fp = await this.backend.dayFingerprint(day);
      if (this.fingerprints.get(day) !== fp) stale.push(day);
    }
    for (const day of this.rollupsByDay.keys()) {
      if (!days.includes(day)) stale.push(day);
    }
    if (stale.length > 0) await this.rebuildDays(stale);
  }

  /**
   * Re-derives rollups touched by the given raw partitions. Records in a partition can roll up to an earlier day
   * (survival of an edit made before midnight), so every rollup day fed by these partitions is recomputed from all
   * partitions that could feed it (the day itself and the next one).
   */
  private async rebuildDays(partitions: Day[]): Promise<void> {
    const started = this.clock.now();
    const stale = new Set(partitions);
    const allDays = new Set(await this.backend.listDays());
    // Pass 1: every stale partition once, folded into fresh rollups keyed by each record's rollup day.
    const fresh = new Map<Day, DailyRollup>();
    const affected = new Set<Day>(partitions);
    for (const p of [...stale].sort()) {
      if (!allDays.has(p)) continue;
      for await (const rec of this.readRaw({ since: p, until: p })) {
        if (rec.decoded.type !== 'event') continue;
        affected.add(applyToRollups(fresh, rec.decoded.event));
      }
      this.fingerprints.set(p, await this.backend.dayFingerprint(p));
    }
    // Pass 2: an affected rollup day also receives records from partitions that are NOT stale — its own partition
    // and the next day's (an edit's records arrive within minutes, or after a reload) — so fold those in too.
    const neighbours = new Set<Day>();
    for (const d of affected) {
      for (const candidate of [d, addDays(d, 1)]) if (allDays.has(candidate) && !stale.has(candidate)) neighbours.add(candidate);
    }
    for (const src of [...neighbours].sort()) {
      for await (const rec of this.readRaw({ since: src, until: src })) {
        if (rec.decoded.type !== 'event') continue;
        if (affected.has(rollupDayOf(rec.decoded.event))) applyToRollups(fresh, rec.decoded.event);
      }
      this.fingerprints.set(src, await this.backend.dayFingerprint(src));
    }
    for (const d of affected) {
      this.rollupsByDay.delete(d);
      const r = fresh.get(d);
      if (r) this.rollupsByDay.set(d, r);
      this.markRollup(d);
      if (!allDays.has(d)) this.fingerprints.delete(d);
    }
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
    return (await this.backend.listDays()).sort();
  }

  /** Every stored line in the range, decoded where possible; future-version records are passed through untouched. */
  async *readRaw(options: ReadOptions = {}): AsyncGenerator<RawRecord> {
    const days = (await this.backend.listDays()).sort();
    for (const day of days) {
      if (options.since !== undefined && day < options.since) continue;
      if (options.until !== undefined && day > options.until) continue;
      let corruptHere = 0;
      let firstReason = '';
      for await (const line of this.backend.readLines(day)) {
        if (line.trim() === '') continue;
        const decoded = decodeLine(line);
        if (decoded.type === 'corrupt') {
          corruptHere++;
          if (!firstReason) firstReason = decoded.reason;
          continue;
        }
        if (decoded.type === 'future') this.healthState.futureRecords++;
        if (decoded.type === 'event' && options.kinds && !options.kinds.includes(decoded.event.kind)) continue;
        yield { day, line, decoded };
      }
      this.corruptByDay.set(day, corruptHere);
      // One log line per partition and count: re-reading the same damaged file does not repeat the warning.
      if (corruptHere > 0 && this.corruptLogged.get(day) !== corruptHere) {
        this.corruptLogged.set(day, corruptHere);
        this.log.warn(`event store: skipped ${corruptHere} corrupt line(s) in ${day} (first: ${firstReason}); valid records are kept`);
      }
    }
  }

  /** Valid current-version events in the range (after flushing the buffer). */
  async *read(options: ReadOptions = {}): AsyncGenerator<DriftEvent> {
    await this.flush();
    for await (const rec of this.readRaw(options)) {
      if (rec.decoded.type === 'event') yield rec.decoded.event;
    }
  }

  /** Deletes raw partitions and rollups older than `keepDays` days before `today`. Returns the number of days removed. */
  async applyRetention(keepDays: number, today: Day): Promise<number> {
    if (!Number.isFinite(keepDays) || keepDays <= 0 || this.readOnly) return 0;
    await this.flush();
    const cutoff = addDays(today, -keepDays);
    let removed = 0;
    for (const day of await this.backend.listDays()) {
      if (day < cutoff) {
        await this.backend.deleteDay(day);
        this.fingerprints.delete(day);
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
    this.listeners.clear();
  }
}
