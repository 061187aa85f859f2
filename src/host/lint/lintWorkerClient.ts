/**
 * The extension host's side of the editor's lint worker, shared by the Problems panel and capture's region scoring.
 * The worker (a worker thread on Node, a Web Worker on the web host; see `Platform.startLintWorker`) starts on the
 * first lint, never during activation, and holds the engine, the grammars and every open document's tree. The host
 * only forwards content changes (microseconds) and awaits answers: it never parses or lints, so a slow or
 * pathological file cannot block typing. A change to a document cancels its lint in flight. Grammar wasm is read by
 * the host (`readGrammar`: `workspace.fs` on the extension's `dist/grammars`), since the worker has no VS Code API.
 * Only types come from `vscode`, so a benchmark can drive this very client in a plain Node process. If the worker
 * dies it is logged and restarted on the next lint; where no worker can start at all, the same session runs on the
 * host thread (logged once) so findings still come.
 */
import type * as vscode from 'vscode';
import type { TextChange } from '../../core/lint/incrementalDocument.js';
import type { LintLanguageId } from '../../core/lint/languages.js';
import { CANCEL_SLOTS, type HostToWorker, type LintOutcome, type LintWorkerChannel, type WorkerToHost } from '../../core/lint/worker/lintWorkerProtocol.js';
import type { Logger } from '../logger.js';

/** What the client reads from a `vscode.TextDocument` (tests may pass their own). */
export interface LintableDocument {
  readonly version: number;
  readonly languageId: string;
  readonly isClosed: boolean;
  getText(): string;
}

export type DocumentAnswer = { readonly kind: 'linted'; readonly version: number; readonly outcome: LintOutcome } | { readonly kind: 'cancelled' };

type Waiter = { readonly resolve: (m: WorkerToHost) => void; readonly reject: (e: Error) => void };

/** A worker that died this many times is not restarted (its failures are logged each time). */
const MAX_RESTARTS = 3;

export class LintWorkerClient implements vscode.Disposable {
  private channel: Promise<LintWorkerChannel> | undefined;
  /** The started worker, once `channel` resolved: changes are posted synchronously so they keep their order. */
  private ready: LintWorkerChannel | undefined;
  private flags: Int32Array | undefined;
  /** Documents the current worker holds (their text was sent); their changes are forwarded. */
  private readonly opened = new Set<string>();
  private readonly waiting = new Map<number, Waiter>();
  /** The latest lint request per document, cancelled when the document changes or is linted again. */
  private readonly inFlight = new Map<string, number>();
  private nextId = 1;
  private deaths = 0;
  /** Where lints run once started: in a worker, or on the host thread when no worker could start (tests read it). */
  runsOn: 'worker' | 'host' | undefined;
  private disposed = false;

  constructor(
    private readonly readGrammar: (fileName: string) => Promise<Uint8Array>,
    private readonly startWorker: (() => Promise<LintWorkerChannel>) | undefined,
    private readonly logger: Logger,
  ) {}

  /** Forwards one change event of a document the worker holds, and cancels that document's lint in flight. */
  change(doc: string, version: number, changes: readonly TextChange[]): void {
    if (!this.opened.has(doc)) return;
    this.cancelInFlight(doc);
    this.ready?.post({ type: 'change', doc, version, changes });
  }

  /** The document was closed: the worker frees its tree. */
  close(doc: string): void {
    this.cancelInFlight(doc);
    if (this.opened.delete(doc)) this.ready?.post({ type: 'close', doc });
  }

  /**
   * Lints a document at its current version. Resolves `cancelled` when a newer change or lint superseded this one;
   * the caller drops answers whose version is not the document's version any more.
   */
  async lintDocument(doc: string, document: LintableDocument): Promise<DocumentAnswer> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const channel = await this.ensure();
      // No awaits from here until the request is posted: the version, the text and the changes stay in step.
      if (document.isClosed) return { kind: 'cancelled' };
      const version = document.version;
      let length: number;
      if (!this.opened.has(doc)) {
        const text = document.getText();
        length = text.length;
        channel.post({ type: 'open', doc, languageId: document.languageId as LintLanguageId, version, text });
        this.opened.add(doc);
      } else length = this.textLength(document);
      this.cancelInFlight(doc);
      const id = this.nextId++;
      this.inFlight.set(doc, id);
      const reply = await this.request(channel, id, { type: 'lint', id, doc, version, length });
      if (this.inFlight.get(doc) === id) this.inFlight.delete(doc);
      if (reply.type === 'linted') return { kind: 'linted', version: reply.version, outcome: reply };
      if (reply.type === 'resync') {
        // The worker lost the document or its copy drifted: send the whole text once more.
        this.opened.delete(doc);
        if (document.isClosed || document.version !== version) return { kind: 'cancelled' };
        continue;
      }
      if (reply.type === 'failed') throw new Error(reply.message);
      return { kind: 'cancelled' };
    }
    return { kind: 'cancelled' };
  }

  /** Lints a text once (capture scores an assistant's region with it). */
  async lintText(text: string, languageId: LintLanguageId): Promise<LintOutcome | undefined> {
    const channel = await this.ensure();
    const id = this.nextId++;
    const reply = await this.request(channel, id, { type: 'lintText', id, text, languageId });
    if (reply.type === 'textLinted') return reply;
    if (reply.type === 'failed') throw new Error(reply.message);
    return undefined;
  }

  /** UTF-16 length of a document without copying its text, when it is a real `TextDocument`. */
  private textLength(document: LintableDocument): number {
    const d = document as Partial<vscode.TextDocument>;
    if (typeof d.lineCount === 'number' && d.lineAt && d.offsetAt) return d.offsetAt(d.lineAt(d.lineCount - 1).range.end);
    return document.getText().length;
  }

  private cancelInFlight(doc: string): void {
    const id = this.inFlight.get(doc);
    if (id === undefined) return;
    this.inFlight.delete(doc);
    // The flag stops a lint that is already running; the message drops one still queued.
    if (this.flags) Atomics.store(this.flags, id % CANCEL_SLOTS, id);
    this.ready?.post({ type: 'cancel', id });
  }

  private request(channel: LintWorkerChannel, id: number, message: HostToWorker): Promise<WorkerToHost> {
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      channel.post(message);
    });
  }

  private ensure(): Promise<LintWorkerChannel> {
    if (this.disposed) return Promise.reject(new Error('the lint worker was disposed'));
    if (this.deaths >= MAX_RESTARTS) return Promise.reject(new Error(`the lint worker failed ${this.deaths} times and was not restarted`));
    if (this.channel) return this.channel;
    const starting = this.start();
    this.channel = starting;
    starting.catch(() => {
      if (this.channel === starting) this.channel = undefined;
    });
    return starting;
  }

  private async start(): Promise<LintWorkerChannel> {
    let channel: LintWorkerChannel;
    try {
      if (!this.startWorker) throw new Error('this host has no worker support');
      channel = await this.startWorker();
      this.runsOn = 'worker';
    } catch (err) {
      this.logger.warn(`lint: no worker could start (${err instanceof Error ? err.message : String(err)}); linting runs on the extension host thread`);
      channel = await inProcessChannel();
      this.runsOn = 'host';
    }
    if (this.disposed) {
      channel.terminate();
      throw new Error('the lint worker was disposed');
    }
    const shared = channel.sharedMemory && typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(CANCEL_SLOTS * 4) : undefined;
    this.flags = shared ? new Int32Array(shared) : undefined;
    channel.onMessage((m) => this.receive(channel, m));
    channel.onExit((reason) => this.died(channel, reason));
    channel.post(shared ? { type: 'configure', cancelFlags: shared } : { type: 'configure' });
    this.ready = channel;
    return channel;
  }

  private receive(channel: LintWorkerChannel, m: WorkerToHost): void {
    switch (m.type) {
      case 'log':
        if (m.level === 'warn') this.logger.warn(m.message);
        else this.logger.debug(m.message);
        return;
      case 'needWasm':
        void this.answerWasm(channel, m.id, m.name);
        return;
      default: {
        const waiter = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        waiter?.resolve(m);
      }
    }
  }

  private async answerWasm(channel: LintWorkerChannel, id: number, name: string): Promise<void> {
    try {
      const bytes = await this.readGrammar(name);
      channel.post({ type: 'wasm', id, bytes });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.logger.error(`lint: the engine could not load ${name}: ${error}`);
      channel.post({ type: 'wasm', id, error });
    }
  }

  private died(channel: LintWorkerChannel, reason: string): void {
    this.deaths++;
    this.logger.error(`lint: the lint worker stopped (${reason})${this.deaths < MAX_RESTARTS ? '; it restarts on the next lint' : '; linting is off until the window reloads'}`);
    if (this.ready === channel) {
      this.ready = undefined;
      this.channel = undefined;
    }
    this.forgetWorker(new Error(`the lint worker stopped: ${reason}`));
  }

  private forgetWorker(error: Error): void {
    this.opened.clear();
    this.inFlight.clear();
    this.flags = undefined;
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }

  dispose(): void {
    this.disposed = true;
    const channel = this.channel;
    this.channel = undefined;
    this.ready = undefined;
    void channel?.then((c) => c.terminate(), () => undefined);
    this.forgetWorker(new Error('the lint worker was disposed'));
  }
}

/**
 * The worker's session on the host thread, for a host that cannot start workers: the same messages, delivered a task
 * later in both directions. Lints then do block the host while they run (bounded by the engine's time budget).
 */
async function inProcessChannel(): Promise<LintWorkerChannel> {
  const { LintWorkerSession } = await import('../../core/lint/worker/lintWorkerSession.js');
  const listeners: ((m: WorkerToHost) => void)[] = [];
  const session = new LintWorkerSession((m) => setTimeout(() => listeners.forEach((l) => l(m)), 0), { defer: (fn) => setTimeout(fn, 0) });
  return {
    sharedMemory: false,
    post: (m) => setTimeout(() => session.handle(m), 0),
    onMessage: (l) => listeners.push(l),
    onExit: () => undefined,
    terminate: () => session.dispose(),
  };
}
