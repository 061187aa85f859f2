/**
 * Starts the editor's lint worker as a Web Worker nested in the web extension host's own worker. The script's bytes
 * are read by the host (through `workspace.fs`, like the grammar wasm) and started from a blob URL: the extension's
 * files may live on another origin (a CDN) or behind a scheme a worker cannot load, a blob URL never does.
 */
import type { HostToWorker, LintWorkerChannel, WorkerToHost } from '../core/lint/worker/lintWorkerProtocol.js';

interface BrowserWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerToHost }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}
type WorkerConstructor = new (url: string, options?: { name?: string }) => BrowserWorker;

/** True when this web host can start a nested worker at all. */
export function canStartWebWorker(): boolean {
  return typeof (globalThis as { Worker?: unknown }).Worker === 'function';
}

export function startLintWebWorker(script: Uint8Array): LintWorkerChannel {
  const WorkerCtor = (globalThis as unknown as { Worker: WorkerConstructor }).Worker;
  const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
  const worker = new WorkerCtor(url, { name: 'driftwatch-lint' });
  const listeners: ((m: WorkerToHost) => void)[] = [];
  let exitListener: ((reason: string) => void) | undefined;
  let stopping = false;
  worker.onmessage = (event) => {
    for (const l of listeners) l(event.data);
  };
  worker.onerror = (event) => {
    if (!stopping) exitListener?.(event.message ?? 'the lint worker failed');
  };
  // Cross-origin isolation is what makes SharedArrayBuffer usable in a browser; without it a running lint is
  // superseded only when it ends (its stale answer is dropped by version).
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
  return {
    sharedMemory: isolated,
    post: (m: HostToWorker) => worker.postMessage(m),
    onMessage: (listener) => listeners.push(listener),
    onExit: (listener) => (exitListener = listener),
    terminate: () => {
      stopping = true;
      worker.terminate();
      URL.revokeObjectURL(url);
    },
  };
}
