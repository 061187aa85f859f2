/**
 * The drift worker as a Node worker thread (desktop, remote and code-server extension hosts): started on the first
 * evaluation, kept for the next ones, restarted after a crash. The host only copies the rollups over and the report
 * back (structured clone), which is what it is held for.
 */
import { Worker } from 'node:worker_threads';
import type { DriftOptions, DriftReport } from '../core/drift/detectDrift.js';
import type { DailyRollup } from '../core/store/rollup.js';

export interface DriftWorkerRequest {
  readonly id: number;
  readonly rollups: readonly DailyRollup[];
  readonly options: DriftOptions;
}

export type DriftWorkerReply = { readonly id: number; readonly report: DriftReport } | { readonly id: number; readonly error: string };

/** The host's `DriftEvaluator` (src/host/platform.ts) on a worker thread. */
export class DriftWorkerThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: DriftReport) => void; reject: (e: Error) => void }>();
  private disposed = false;

  /** `script` is the bundled worker (`dist/driftWorker.js` in the extension); `options` are passed to `Worker`. */
  constructor(
    private readonly script: string | URL,
    private readonly workerOptions: { execArgv?: string[] } = {},
  ) {}

  evaluate(rollups: readonly DailyRollup[], options: DriftOptions): Promise<DriftReport> {
    if (this.disposed) return Promise.reject(new Error('the drift worker was disposed'));
    const worker = this.ensure();
    const id = this.nextId++;
    return new Promise<DriftReport>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: DriftWorkerRequest = { id, rollups, options };
      worker.postMessage(request);
    });
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
