/**
 * The bounded, persistent upload queue and the worker that drains it.
 *
 * Every day's payload is encoded once and queued; the queue is saved before anything is sent, so a reload or crash
 * loses nothing. The worker sends the oldest due item, one at a time, and after a failure waits the backoff (or the
 * server's `Retry-After`). A gate (the user's setting AND VS Code's telemetry switch) is checked before every attempt,
 * and closing it aborts the request in flight and cancels the timer: nothing more leaves until it opens again.
 * Re-sending an item is harmless: its buckets carry idempotency keys, so the collector counts them once.
 */
import * as z from 'zod';
import type { Clock, TimerHandle } from '../util/clock.js';
import { retryDelay, type AttemptResult } from './retryPolicy.js';

export const QueueItem = z.object({
  /** `teamId/day`: a newer payload for the same team and day replaces the queued one. */
  id: z.string().max(200),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  teamId: z.string().max(64),
  contentType: z.enum(['application/json', 'application/x-protobuf']),
  /** The exact request body: JSON text, or base64 of the protobuf bytes. */
  body: z.string(),
  bodyEncoding: z.enum(['utf8', 'base64']),
  buckets: z.number().int().nonnegative(),
  enqueuedAt: z.number(),
  attempts: z.number().int().nonnegative(),
  notBefore: z.number(),
  lastError: z.string().max(300).optional(),
});
export type QueueItem = z.infer<typeof QueueItem>;

/** Where the queue lives between sessions (globalState in the extension, a Map in tests). */
export interface QueuePersistence {
  load(): Promise<unknown>;
  save(items: readonly QueueItem[]): Promise<void>;
}

export interface QueueLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Sends one item; must honour `signal` (gate closed or timeout). */
export type Transport = (item: QueueItem, signal: AbortSignal) => Promise<AttemptResult>;

export interface UploadQueueOptions {
  clock: Clock;
  persistence: QueuePersistence;
  transport: Transport;
  /** Re-read at every attempt: false stops sending at once. */
  gate: () => boolean;
  logger: QueueLogger;
  /** Most items kept; the oldest days beyond are dropped (logged). */
  maxItems?: number;
  /** Most body bytes kept in total. */
  maxBytes?: number;
  /** A request taking longer is aborted and retried. */
  timeoutMs?: number;
  random?: () => number;
}

export const DEFAULT_MAX_ITEMS = 60;
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface QueueStatus {
  items: number;
  sending: boolean;
  nextAttemptAt: number | undefined;
  sent: number;
  dropped: number;
}

export class UploadQueue {
  private items: QueueItem[] = [];
  private inFlight: { controller: AbortController; item: QueueItem; abortedByGate: boolean } | undefined;
  private running: Promise<void> | undefined;
  private timer: TimerHandle | undefined;
  private disposed = false;
  /**
   * After a transient failure the whole queue waits (the receiver is down, overloaded or said Retry-After): the other
   * days are not tried against it meanwhile. Cleared by {@link retryNow}.
   */
  private blockedUntil = 0;
  /** Consecutive failed attempts against the receiver (any day): the backoff grows with it, a delivery resets it. */
  private failureStreak = 0;
  private sent = 0;
  private dropped = 0;
  private readonly maxItems: number;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly random: () => number;

  private constructor(private readonly o: UploadQueueOptions) {
    this.maxItems = o.maxItems ?? DEFAULT_MAX_ITEMS;
    this.maxBytes = o.maxBytes ?? DEFAULT_MAX_BYTES;
    this.timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.random = o.random ?? Math.random;
  }

  /** Loads the persisted queue (invalid entries are logged and skipped). */
  static async open(options: UploadQueueOptions): Promise<UploadQueue> {
    const q = new UploadQueue(options);
    let raw: unknown;
    try {
      raw = await options.persistence.load();
    } catch (err) {
      options.logger.warn(`upload queue: could not read the saved queue (${String(err)}); starting empty`);
    }
    if (Array.isArray(raw)) {
      for (const entry of raw) {
        const parsed = QueueItem.safeParse(entry);
        if (parsed.success) q.items.push(parsed.data);
        else options.logger.warn('upload queue: skipped an unreadable saved entry');
      }
    }
    return q;
  }

  /** A snapshot of the queued items, oldest day first. */
  list(): readonly QueueItem[] {
    return this.items.map((i) => ({ ...i }));
  }

  status(): QueueStatus {
    const first = this.items.reduce<number | undefined>((m, i) => (m === undefined || i.notBefore < m ? i.notBefore : m), undefined);
    const next = first === undefined ? undefined : Math.max(first, this.blockedUntil);
    return { items: this.items.length, sending: this.inFlight !== undefined, nextAttemptAt: next, sent: this.sent, dropped: this.dropped };
  }

  /** Queues a payload (replacing one for the same team and day), enforces the bounds, saves, then tries to send. */
  async enqueue(item: Omit<QueueItem, 'attempts' | 'notBefore' | 'enqueuedAt'>): Promise<void> {
    const now = this.o.clock.now();
    this.items = this.items.filter((i) => i.id !== item.id || i === this.inFlight?.item);
    this.items.push({ ...item, enqueuedAt: now, attempts: 0, notBefore: now });
    this.items.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.enqueuedAt - b.enqueuedAt));
    this.enforceBounds();
    await this.save();
    this.kick();
  }

  private enforceBounds(): void {
    let bytes = this.items.reduce((n, i) => n + i.body.length, 0);
    while (this.items.length > 0 && (this.items.length > this.maxItems || bytes > this.maxBytes)) {
      const victim = this.items.find((i) => i !== this.inFlight?.item);
      if (!victim) break;
      this.items.splice(this.items.indexOf(victim), 1);
      bytes -= victim.body.length;
      this.dropped++;
      this.o.logger.warn(`upload queue: full (${this.maxItems} items / ${this.maxBytes} bytes); dropped the payload for ${victim.day}`);
    }
  }

  /** Removes every queued item (after "Forget My Uploaded Data", or when the user turns upload off for good). */
  async clear(): Promise<void> {
    this.inFlight?.controller.abort();
    this.items = [];
    await this.save();
  }

  /** Makes every item due now and tries to send (the "Upload Now" command). */
  retryNow(): void {
    const now = this.o.clock.now();
    this.blockedUntil = 0;
    for (const i of this.items) i.notBefore = Math.min(i.notBefore, now);
    this.kick();
  }

  /**
   * Re-evaluates the gate: closed aborts a request in flight and cancels the retry timer; open starts sending what is
   * due. Call it whenever a switch changes.
   */
  gateChanged(): void {
    if (!this.o.gate()) {
      this.cancelTimer();
      if (this.inFlight) {
        this.inFlight.abortedByGate = true;
        this.inFlight.controller.abort();
      }
      return;
    }
    this.kick();
  }

  /** Starts the drain loop unless it is running; resolves when the loop is idle. */
  kick(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (!this.running) {
      this.running = this.drain().finally(() => {
        this.running = undefined;
        this.schedule();
      });
    }
    return this.running;
  }

  /** Resolves once nothing is being sent (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private cancelTimer(): void {
    if (this.timer) this.o.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.cancelTimer();
    if (this.disposed || !this.o.gate() || this.items.length === 0) return;
    const next = Math.max(this.blockedUntil, Math.min(...this.items.map((i) => i.notBefore)));
    this.timer = this.o.clock.setTimeout(() => {
      this.timer = undefined;
      void this.kick();
    }, Math.max(0, next - this.o.clock.now()));
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.disposed || !this.o.gate()) return;
      const now = this.o.clock.now();
      if (now < this.blockedUntil) return;
      const item = this.items.find((i) => i.notBefore <= now);
      if (!item) return;
      const controller = new AbortController();
      const flight = { controller, item, abortedByGate: false };
      this.inFlight = flight;
      const timeout = this.o.clock.setTimeout(() => controller.abort(), this.timeoutMs);
      let result: AttemptResult;
      try {
        result = await this.o.transport(item, controller.signal);
      } catch (err) {
        result = { kind: 'retry', reason: controller.signal.aborted ? `timed out after ${this.timeoutMs} ms` : err instanceof Error ? err.message : String(err) };
      } finally {
        this.o.clock.clearTimeout(timeout);
        this.inFlight = undefined;
      }
      if (flight.abortedByGate && result.kind !== 'sent') {
        this.o.logger.info(`upload: stopped sending ${item.day}: upload or telemetry was turned off`);
        return;
      }
      if (!this.items.includes(item)) continue; // cleared (Forget) while in flight
      if (controller.signal.aborted && result.kind !== 'sent') result = { kind: 'retry', reason: `timed out after ${this.timeoutMs} ms` };
      await this.settle(item, result);
    }
  }

  private async settle(item: QueueItem, result: AttemptResult): Promise<void> {
    if (result.kind === 'sent') {
      this.items.splice(this.items.indexOf(item), 1);
      this.sent++;
      this.failureStreak = 0;
      this.o.logger.info(`upload: sent ${item.buckets} bucket(s) for ${item.day} (HTTP ${result.status}${result.rejectedPoints ? `, ${result.rejectedPoints} point(s) rejected by the receiver` : ''})`);
    } else if (result.kind === 'drop') {
      this.items.splice(this.items.indexOf(item), 1);
      this.dropped++;
      this.o.logger.warn(`upload: the receiver will not accept the payload for ${item.day} (${result.reason}); dropped it`);
    } else {
      item.attempts++;
      this.failureStreak++;
      const delay = retryDelay(Math.max(item.attempts, this.failureStreak), result.retryAfterMs, this.random);
      item.notBefore = this.o.clock.now() + delay;
      this.blockedUntil = item.notBefore;
      item.lastError = result.reason.slice(0, 300);
      this.o.logger.warn(`upload: sending ${item.day} failed (${result.reason}); attempt ${item.attempts}, next try in ${Math.round(delay / 1000)} s`);
    }
    await this.save();
  }

  private async save(): Promise<void> {
    try {
      await this.o.persistence.save(this.items);
    } catch (err) {
      this.o.logger.error(`upload queue: could not save (${String(err)}); the queue is kept in memory`);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.inFlight?.controller.abort();
  }
}
