/**
 * Messages between the extension host and the editor's lint worker (a `worker_threads` Worker on Node, a Web Worker
 * in the web extension host). The host mirrors each open document into the worker — the full text once, then only
 * VS Code's content changes — and asks for a lint by document version; the worker keeps the tree, parses
 * incrementally and answers with findings. Both sides are the same code in both hosts: only the channel differs.
 * Plain structured-clone data only (no classes), so the messages cross any `postMessage`.
 */
import type { SkipReason } from '../decode.js';
import type { TextChange } from '../incrementalDocument.js';
import type { LintLanguageId } from '../languages.js';
import type { Finding } from '../rule.js';

/** Size of the shared cancellation array: a lint request `id` is cancelled when `flags[id % CANCEL_SLOTS] === id`. */
export const CANCEL_SLOTS = 1024;

export type HostToWorker =
  /** First message. `cancelFlags` is absent where SharedArrayBuffer is not available (a web host without COI). */
  | { readonly type: 'configure'; readonly cancelFlags?: SharedArrayBuffer }
  /** A document's whole text (first lint, or after a `resync`). Replaces whatever the worker held for `doc`. */
  | { readonly type: 'open'; readonly doc: string; readonly languageId: LintLanguageId; readonly version: number; readonly text: string }
  /** One `onDidChangeTextDocument` event: ranges refer to the text before the event and do not overlap. */
  | { readonly type: 'change'; readonly doc: string; readonly version: number; readonly changes: readonly TextChange[] }
  /** Lint `doc` at `version`; `length` (UTF-16 units) lets the worker notice a text that drifted from the host's. */
  | { readonly type: 'lint'; readonly id: number; readonly doc: string; readonly version: number; readonly length: number }
  | { readonly type: 'close'; readonly doc: string }
  /** Lint a text once (capture's region scoring); no document is kept. */
  | { readonly type: 'lintText'; readonly id: number; readonly text: string; readonly languageId: LintLanguageId }
  /** Drop a queued or running request (the host no longer wants its answer). */
  | { readonly type: 'cancel'; readonly id: number }
  /** Answer to `needWasm`. */
  | { readonly type: 'wasm'; readonly id: number; readonly bytes?: Uint8Array; readonly error?: string };

/** The outcome of one lint request. */
export interface LintOutcome {
  readonly findings: readonly Finding[];
  readonly skipped?: { readonly reason: SkipReason; readonly detail: string };
  /** Wall time the worker spent on the request (parse + rules), ms. */
  readonly ms: number;
  /** The rule-set id of the worker's engine (core/lint/ruleSet.ts); capture tags findings and scores with it. */
  readonly ruleSet?: string;
}

export type WorkerToHost =
  | ({ readonly type: 'linted'; readonly id: number; readonly doc: string; readonly version: number } & LintOutcome)
  | ({ readonly type: 'textLinted'; readonly id: number } & LintOutcome)
  /** The request was superseded (newer edits or a newer request) or cancelled by the host: no findings. */
  | { readonly type: 'cancelled'; readonly id: number }
  /** The worker cannot answer `id` for `doc` from what it holds (unknown document or drifted text): send `open`. */
  | { readonly type: 'resync'; readonly id: number; readonly doc: string }
  | { readonly type: 'failed'; readonly id: number; readonly message: string }
  /** The worker needs a tree-sitter wasm file (the host reads extension files; the worker cannot). */
  | { readonly type: 'needWasm'; readonly id: number; readonly name: string }
  | { readonly type: 'log'; readonly level: 'warn' | 'debug'; readonly message: string };

/** The host's end of a lint worker, whatever runs it (a worker thread, a Web Worker, or in-process as a fallback). */
export interface LintWorkerChannel {
  post(message: HostToWorker): void;
  onMessage(listener: (message: WorkerToHost) => void): void;
  /** Called once if the worker dies (an uncaught error or an exit the host did not ask for). */
  onExit(listener: (reason: string) => void): void;
  /** Shared memory for cancelling a running lint, when the platform allows it. */
  readonly sharedMemory: boolean;
  terminate(): void;
}
