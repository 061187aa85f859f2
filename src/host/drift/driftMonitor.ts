/**
 * Runs drift detection on the store's rollups when Driftwatch starts, when records arrive (debounced) and when the
 * drift settings change; shows ONE notification per new alert key ("Open panel" / "Dismiss"), remembers which keys
 * were notified and dismissed across reloads, and exposes the alerts that are still visible to the panel and the
 * status bar. An evaluation runs in the drift worker where the platform has one (Node hosts: the host thread only
 * copies the rollups over and the report back); otherwise, or while the worker is backing off after a failure (1 minute,
 * doubling to 30, then tried again), on the host in slices of a few milliseconds (`runSliced`), yielding to the event
 * loop between them (one slice can still hold the host for tens of milliseconds on a very busy year: a single
 * exact-tail convolution).
 */
import * as vscode from 'vscode';
import { detectDriftSteps, type DriftAlert, type DriftReport } from '../../core/drift/detectDrift.js';
import { RetryGate } from '../../core/util/retryGate.js';
import { runSliced } from '../../core/util/sliced.js';
import type { EventStore } from '../../core/store/eventStore.js';
import { addDays, dayOf, localTzOffset } from '../../core/time/day.js';
import type { Clock, TimerHandle } from '../../core/util/clock.js';
import type { ConfigService } from '../config.js';
import type { Logger } from '../logger.js';
import type { DriftEvaluator } from '../platform.js';
import { describeAlert } from '../../core/drift/describeAlert.js';

const NOTIFIED_KEY = 'driftwatch.drift.notified';
const DISMISSED_KEY = 'driftwatch.drift.dismissed';
/** Records arrive in bursts (checkpoints, findings); one evaluation per quiet period is plenty. */
const DEBOUNCE_MS = 30_000;
/** Keys kept in global state; older ones fall off so the state never grows without bound. */
const MAX_KEYS = 200;
/** After the drift worker fails, evaluations run on the host for this long, doubling per failure up to the cap. */
const WORKER_RETRY_FIRST_MS = 60_000;
const WORKER_RETRY_MAX_MS = 30 * 60_000;

export class DriftMonitor implements vscode.Disposable {
  private report: DriftReport | undefined;
  private timer: TimerHandle | undefined;
  /** The evaluation in progress, and the one queued behind it (at most one). */
  private running: Promise<DriftReport | undefined> | undefined;
  private again: Promise<DriftReport | undefined> | undefined;
  private disposed = false;
  /** Closed for a back-off delay after the worker failed: evaluations meanwhile run on the host (one log line each failure). */
  private readonly workerGate = new RetryGate(WORKER_RETRY_FIRST_MS, WORKER_RETRY_MAX_MS);
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires after each evaluation and after a dismissal. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly store: EventStore,
    private readonly config: ConfigService,
    private readonly state: vscode.Memento,
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly openPanel: () => Thenable<unknown>,
    private readonly worker?: DriftEvaluator,
  ) {
    const sub = store.onDidAppend(() => this.schedule());
    this.subscriptions.push({ dispose: () => sub.dispose() });
    this.subscriptions.push(
      config.onDidChange((e) => {
        if (e.affects('drift.recentDays') || e.affects('drift.baselineDays') || e.affects('drift.minSamples') || e.affects('drift.watch') || e.affects('drift.alerts')) void this.evaluate();
      }),
    );
  }

  /** Alerts not dismissed by the user, most significant first. */
  visibleAlerts(): DriftAlert[] {
    const dismissed = new Set(this.state.get<string[]>(DISMISSED_KEY, []));
    return (this.report?.alerts ?? []).filter((a) => !dismissed.has(a.key));
  }

  get lastReport(): DriftReport | undefined {
    return this.report;
  }

  /**
   * Re-runs detection now, in slices, and resolves with the new report. Never rejects: a failure is logged and the
   * previous report kept. A call while an evaluation runs waits for it and then runs once more (the data changed).
   */
  evaluate(): Promise<DriftReport | undefined> {
    if (this.timer) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.running) {
      this.again ??= this.running.then(() => {
        this.again = undefined;
        return this.evaluate();
      });
      return this.again;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<DriftReport | undefined> {
    try {
      const c = this.config.value;
      const now = this.clock.now();
      const today = dayOf(now, localTzOffset(now));
      const since = addDays(today, -(c['drift.recentDays'] + c['drift.baselineDays'] + 7));
      const rollups = this.store.rollups(since, today);
      const options = {
        today,
        recentDays: c['drift.recentDays'],
        baselineDays: c['drift.baselineDays'],
        minSamples: c['drift.minSamples'],
        watch: c['drift.watch'],
      };
      let value: DriftReport | undefined;
      if (this.worker && this.workerGate.isOpen(now)) {
        const started = Date.now();
        try {
          value = await this.worker.evaluate(rollups, options);
          if (this.workerGate.failureCount > 0) this.logger.info('drift: the drift worker is back; evaluating there again');
          this.workerGate.succeed();
          this.logger.debug(`drift: ${value.tests.length} tests, ${value.alerts.length} alert(s) in ${Date.now() - started} ms in the drift worker`);
        } catch (err) {
          const wait = this.workerGate.fail(this.clock.now());
          this.logger.warn(`drift: the drift worker failed (${err instanceof Error ? err.message : String(err)}); evaluating on the extension host in slices, trying the worker again in ${Math.round(wait / 60_000)} min`);
        }
      }
      if (!value) {
        const { value: sliced, stats } = await runSliced(detectDriftSteps(rollups, options), { now: () => Date.now(), pause: () => new Promise((resolve) => setTimeout(resolve, 0)) });
        value = sliced;
        this.logger.debug(`drift: ${value.tests.length} tests, ${value.alerts.length} alert(s) in ${stats.busyMs} ms over ${stats.slices} slice(s), longest ${stats.longestSliceMs} ms`);
      }
      if (this.disposed) return this.report;
      this.report = value;
      void this.notifyNew();
      this.emitter.fire();
    } catch (err) {
      this.logger.error(`drift detection failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    return this.report;
  }

  /** Hides an alert in the panel and the status bar, for good. */
  async dismiss(key: string): Promise<void> {
    const dismissed = this.state.get<string[]>(DISMISSED_KEY, []);
    if (!dismissed.includes(key)) await this.state.update(DISMISSED_KEY, [...dismissed, key].slice(-MAX_KEYS));
    this.logger.info(`drift alert ${key} dismissed`);
    this.emitter.fire();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      void this.evaluate();
    }, DEBOUNCE_MS);
  }

  /**
   * At most one notification per evaluation (the most significant new alert); the others are in the panel. A key is
   * marked notified before the message shows, so a reload while it is open cannot show it twice.
   */
  private async notifyNew(): Promise<void> {
    if (!this.config.value['drift.alerts']) return;
    const notified = this.state.get<string[]>(NOTIFIED_KEY, []);
    const fresh = this.visibleAlerts().find((a) => !notified.includes(a.key));
    if (!fresh) return;
    await this.state.update(NOTIFIED_KEY, [...notified, fresh.key].slice(-MAX_KEYS));
    this.logger.info(`drift alert: ${describeAlert(fresh)}`);
    const choice = await vscode.window.showWarningMessage(`Driftwatch: ${describeAlert(fresh)}`, 'Open panel', 'Dismiss');
    if (choice === 'Open panel') await this.openPanel();
    else if (choice === 'Dismiss') await this.dismiss(fresh.key);
  }

  dispose(): void {
    this.disposed = true;
    this.worker?.dispose();
    if (this.timer) this.clock.clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
