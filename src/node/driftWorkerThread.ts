/**
 * The drift worker as a Node worker thread (desktop, remote and code-server extension hosts): started on the first
 * evaluation, kept for the next ones, restarted after a crash. The host only copies the rollups over and the report
 * back (structured clone), which is what it is held for.
 */
import { Worker } from 'node:worker_threads';
import type { DriftOptions, DriftReport } from '../core/drift/detectDrift.js';
import type { DailyRollup } from '../core/store/rollup.js';

/**
 * One evaluation is sent as its days, one message each (copying a busy 45-day window in one message held the host
 * 20-95 ms: the structured clone is synchronous), then the options that start it.
 */
export type DriftWorkerRequest = { readonly id: number; readonly day: DailyRollup } | { readonly id: number; readonly options: DriftOptions };

export type DriftWorkerReply = { readonly id: number; readonly report: DriftReport } | { readonly id: number; readonly error: string };

/** The host's `DriftEvaluator` (src/host/platform.ts) on a worker thread. */
export class DriftWorkerThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: DriftReport) => void; reject: (e: Error) => void }>();
  private disposed = false;
  /** The longest synchronous stretch the last evaluation's posting held the caller's thread, ms (logs, benchmark). */
  longestPostMs = 0;

  /** `script` is the bundled worker (`dist/driftWorker.js` in the extension); `options` are passed to `Worker`. */
  constructor(
    private readonly script: string | URL,
    private readonly workerOptions: { execArgv?: string[] } = {},
  ) {}

  evaluate(rollups: readonly DailyRollup[], options: DriftOptions): Promise<DriftReport> {
    if (this.disposed) return Promise.reject(new Error('the drift worker was disposed'));
    const worker = this.ensure();
    const id = this.nextId++;
    const answer = new Promise<DriftReport>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    return this.send(worker, id, rollups, options).then(() => answer);
  }

  /** Posts the days with a return to the event loop whenever posting has held the thread for a few milliseconds. */
  private async send(worker: Worker, id: number, rollups: readonly DailyRollup[], options: DriftOptions): Promise<void> {
    this.longestPostMs = 0;
    let since = performance.now();
    for (const day of rollups) {
      if (this.worker !== worker) return; // it stopped: the answer is already rejected
      const request: DriftWorkerRequest = { id, day };
      worker.postMessage(request);
      const held = performance.now() - since;
      if (held >= 4) {
        this.longestPostMs = Math.max(this.longestPostMs, held);
        await new Promise((resolve) => setTimeout(resolve, 0));
        since = performance.now();
      }
    }
    if (this.worker !== worker) return;
    const start: DriftWorkerRequest = { id, options };
    worker.postMessage(start);
    this.longestPostMs = Math.max(this.longestPostMs, performance.now() - since);
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { name: 'driftwatch-drift', ...this.workerOptions });
    // The worker must never keep an extension host alive that is shutting down.
    worker.unref();
    worker.on('message', (m: DriftWorkerReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if ('report' in m) p.resolve(m.report);
      else p.reject(new Error(m.error));
    });
    const fail = (reason: string): void => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const p of this.pending.values()) p.reject(new Error(`the drift worker stopped: ${reason}`));
      this.pending.clear();
    };
    worker.on('error', (err) => fail(err instanceof Error ? err.message : String(err)));
    worker.on('exit', (code) => fail(`exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    this.disposed = true;
    const w = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Error('the drift worker was disposed'));
    this.pending.clear();
    if (w) void w.terminate();
  }
}
