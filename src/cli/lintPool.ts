/**
 * Lints files for `driftwatch lint`, in parallel on every core: the main thread and worker threads (one lint thread
 * per core, at most one per file) each load the engine once and take the next file from ONE shared queue — an index in
 * a SharedArrayBuffer they advance with `Atomics.add` — the largest files first, so a slow file never holds up the
 * others and no thread waits for the main thread to hand it work. The main thread lints too: on N cores it starts N − 1
 * workers instead of N and keeps no core idle. The workers run the CLI bundle itself (`dist/cli.js` starts the worker
 * loop when it finds itself in a lint worker); unbundled runs (tests from TypeScript sources) and single files lint
 * in-process. Results come back in the order of the input list. A file that cannot be read, or a worker that dies, is
 * a skipped file, never a failed run. A run of less than `IN_PROCESS_BYTES` lints in-process unless `--jobs` is given
 * (starting a worker would cost more than it saves).
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_MAX_CHARS, looksBinary } from '../core/lint/decode.js';
import { Linter } from '../core/lint/engine.js';
import type { LintOptions } from '../core/lint/engine.js';
import { indexesLanguage, summarizeClasses, summaryMatters, type FileClassSummary } from '../core/lint/js/classIndex.js';
import type { Finding } from '../core/lint/rule.js';
import { ALL_RULES } from '../core/lint/registry.js';
import { TreeSitterRuntime } from '../core/lint/treeSitter.js';
import { NodeWasmSource } from '../node/grammarFiles.js';
import { applyClassIndex, classIndexRules } from './classIndexPass.js';

/** Below this many bytes in all, `lintFiles` lints in the main thread unless a thread count is given. */
export const IN_PROCESS_BYTES = 256 * 1024;

export interface LintJob {
  readonly path: string;
  readonly languageId: string;
}

export interface FileResult {
  readonly file: string;
  readonly languageId: string;
  readonly findings: Finding[];
  readonly skipped?: string;
  /** The file's class summary, when the run builds the cross-file class index (JS/TS files with classes or exports). */
  readonly classSummary?: FileClassSummary;
}

interface WorkerConfig {
  readonly driftwatchLintWorker: true;
  readonly rules: readonly string[] | undefined;
  readonly summarize: boolean;
  readonly jobs: readonly LintJob[];
  /** Input indexes in the order they are taken (largest file first). */
  readonly order: readonly number[];
  /** One Int32: the position in `order` of the next file to take, shared by every lint thread. */
  readonly next: SharedArrayBuffer;
}

type FromWorker = { started: number } | { index: number; result: FileResult } | { warn: string };

/** Takes the next file of the shared queue: an input index, or -1 when the queue is empty. */
function take(next: Int32Array, order: readonly number[]): number {
  const k = Atomics.add(next, 0, 1);
  return k < order.length ? (order[k] as number) : -1;
}

/**
 * Reads, checks and lints one file; never throws for a bad file. With `summarize`, a JS/TS file's class summary is
 * taken from the same parse; `extra` options go to the engine (the class index pass hands it the project).
 */
export async function lintOneFile(linter: Linter, job: LintJob, rules: readonly string[] | undefined, summarize = false, extra: LintOptions = {}): Promise<FileResult> {
  const base = { file: job.path, languageId: job.languageId };
  let bytes: Uint8Array;
  try {
    // A synchronous read: this thread has nothing else to do meanwhile, and an asynchronous one left it idle for
    // four thread-pool round trips (open, stat, read, close) per file — about a tenth of a whole run.
    bytes = readFileSync(job.path);
  } catch (err) {
    // One unreadable file (permissions, vanished, larger than a single read) is a note, not a failure.
    const code = err && typeof err === 'object' && 'code' in err ? String((err as { code: unknown }).code) : 'read error';
    return { ...base, findings: [], skipped: `unreadable (${code})` };
  }
  if (looksBinary(bytes)) return { ...base, findings: [], skipped: 'binary file' };
  // Byte size first: decoding a huge file just to measure it would cost what the limit is there to avoid.
  if (bytes.length > DEFAULT_MAX_CHARS * 3) return { ...base, findings: [], skipped: `too large (${bytes.length} bytes)` };
  let classSummary: FileClassSummary | undefined;
  const inspect = summarize && indexesLanguage(job.languageId) ? { inspect: (ctx: Parameters<NonNullable<LintOptions['inspect']>>[0]) => void (classSummary = summarizeClasses(ctx)) } : {};
  const r = await linter.lintBytes(bytes, job.languageId, { ...extra, ...(rules ? { rules } : {}), ...inspect });
  return {
    ...base,
    findings: r.findings,
    ...(r.skipped ? { skipped: `${r.skipped.reason}: ${r.skipped.detail}` } : {}),
    ...(classSummary && summaryMatters(classSummary) ? { classSummary } : {}),
  };
}

function newLinter(warn: (m: string) => void): Linter {
  return new Linter(new TreeSitterRuntime(NodeWasmSource.near(__dirname)), ALL_RULES, { warn });
}

/** How many threads a run of `files` files uses: every core, never more than the files. */
export function threadCount(files: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, files));
}

/**
 * Lint threads (the main thread and N − 1 workers) for a run of files of these byte sizes: `maxThreads` (at most one per file) when given; otherwise one per
 * core, except that a run of less than `IN_PROCESS_BYTES` in all lints in the main thread (starting a worker — loading
 * the bundle and a grammar, warming the JIT — costs more than it saves on a few hundred kilobytes).
 */
export function threadsFor(sizes: readonly number[], maxThreads?: number): number {
  if (maxThreads !== undefined) return Math.max(1, Math.min(maxThreads, sizes.length));
  const total = sizes.reduce((n, s) => n + Math.max(0, s), 0);
  return total < IN_PROCESS_BYTES ? 1 : threadCount(sizes.length);
}

/** True when this module runs from the CLI bundle (a worker can start the same file); false under tsx. */
function bundled(): boolean {
  return __filename.endsWith('.js');
}

export interface LintRunOptions {
  /** Lint threads, the main thread included (see `threadsFor`). */
  readonly maxThreads?: number;
  /** Build the cross-file class index and re-judge the files it informs (default true; `--no-class-index`). */
  readonly classIndex?: boolean;
}

/**
 * Lints every job, in parallel when it pays; `warn` receives engine log lines. Then, unless turned off, the class
 * summaries the workers took build the cross-file class index and the files whose classes it informs are re-linted
 * with the rules it serves (`classIndexPass.ts`).
 */
export async function lintFiles(jobs: readonly LintJob[], rules: readonly string[] | undefined, warn: (m: string) => void, options: LintRunOptions = {}): Promise<FileResult[]> {
  const summarize = options.classIndex !== false && classIndexRules(rules).length > 0;
  // The main thread's engine: it lints its share of the queue, then serves the class-index pass (one grammar load).
  let linter: Linter | undefined;
  const mainLinter = (): Linter => (linter ??= newLinter(warn));
  const results = await lintAll(jobs, rules, warn, summarize, mainLinter, options.maxThreads);
  if (summarize) await applyClassIndex(results, rules, (i, only, project) => lintOneFile(mainLinter(), jobs[i] as LintJob, only, false, { project }));
  return results;
}

async function lintAll(jobs: readonly LintJob[], rules: readonly string[] | undefined, warn: (m: string) => void, summarize: boolean, mainLinter: () => Linter, maxThreads?: number): Promise<FileResult[]> {
  const sizes = jobs.length > 1 && maxThreads !== 1 && bundled() ? await fileSizes(jobs) : [];
  const threads = sizes.length > 0 ? threadsFor(sizes, maxThreads) : 1;
  const results: Array<FileResult | undefined> = new Array(jobs.length);
  // Largest files first: the run ends when the last file does, and a big file taken last leaves the other cores idle
  // while it finishes. Results still come back in input order (they are stored by input index).
  const order = threads > 1 ? jobs.map((_, i) => i).sort((a, b) => (sizes[b] as number) - (sizes[a] as number) || a - b) : jobs.map((_, i) => i);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const config: WorkerConfig = { driftwatchLintWorker: true, rules, summarize, jobs, order, next: next.buffer as SharedArrayBuffer };
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = new Worker(__filename, { workerData: config });
      let current = -1;
      worker.on('message', (m: FromWorker) => {
        if ('warn' in m) warn(m.warn);
        else if ('started' in m) current = m.started;
        else {
          results[m.index] = m.result;
          current = -1;
        }
      });
      worker.on('error', (err) => {
        // A crashed worker loses only the file it was on; the other threads carry on with the queue.
        if (current >= 0) {
          const job = jobs[current] as LintJob;
          results[current] = { file: job.path, languageId: job.languageId, findings: [], skipped: `lint failed (${err.message})` };
        }
        current = -1;
      });
      worker.on('exit', () => resolve());
    });
  const workers = Array.from({ length: threads - 1 }, runWorker);
  // The main thread is one of the lint threads. Between its files it returns to the event loop, where the workers'
  // results arrive; they never wait for it, since each takes its next file from the shared queue itself.
  for (let i = take(next, order); i >= 0; i = take(next, order)) results[i] = await lintOneFile(mainLinter(), jobs[i] as LintJob, rules, summarize);
  await Promise.all(workers);
  // A file a crashed worker had started is already reported skipped; nothing is left unlinted, but be sure.
  for (let i = 0; i < jobs.length; i++) results[i] ??= await lintOneFile(mainLinter(), jobs[i] as LintJob, rules, summarize);
  return results as FileResult[];
}

/** Byte size of every job's file (-1 when it cannot be stat'ed: it sorts last, and reading it reports it). */
function fileSizes(jobs: readonly LintJob[]): Promise<number[]> {
  return Promise.all(jobs.map((j) => stat(j.path).then((s) => s.size, () => -1)));
}

/** True in a worker thread started by `lintFiles`. */
export function isLintWorker(): boolean {
  return !isMainThread && !!workerData && (workerData as Partial<WorkerConfig>).driftwatchLintWorker === true;
}

/**
 * The worker side: one engine; takes files from the shared queue until it is empty, saying which file it starts (so a
 * crash costs only that file) and posting each result and log line back. With no message listener, the worker exits
 * when the queue is done.
 */
export function runLintWorker(): void {
  const port = parentPort;
  if (!port) return;
  const { rules, summarize, jobs, order, next: buffer } = workerData as WorkerConfig;
  const next = new Int32Array(buffer);
  const linter = newLinter((m) => port.postMessage({ warn: m } satisfies FromWorker));
  void (async () => {
    for (let i = take(next, order); i >= 0; i = take(next, order)) {
      port.postMessage({ started: i } satisfies FromWorker);
      port.postMessage({ index: i, result: await lintOneFile(linter, jobs[i] as LintJob, rules, summarize) } satisfies FromWorker);
    }
  })();
}
