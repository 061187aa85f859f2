/**
 * Drives a real `LintWorkerSession` in-process the way the extension host drives the worker: messages in, replies
 * out, wasm requests answered from node_modules. Positions of edits are computed from offsets like VS Code reports
 * them, so tests can describe an edit by offset alone.
 */
import type { TextChange } from '../../../../src/core/lint/incrementalDocument.js';
import type { HostToWorker, WorkerToHost } from '../../../../src/core/lint/worker/lintWorkerProtocol.js';
import { applyTextChanges, LintWorkerSession, type LintWorkerSessionOptions } from '../../../../src/core/lint/worker/lintWorkerSession.js';
import { narrowKnownEdits, type KnownEdits } from '../../../../src/core/lint/incremental/unitLint.js';
import { LineIndex } from '../../../../src/core/capture/lineIndex.js';
import { NodeWasmSource } from '../../../../src/node/grammarFiles.js';
import { repoRoot } from '../lintHarness.js';

/** 0-based line and UTF-16 character of an offset. */
export const positionAt = (text: string, offset: number): { line: number; character: number } => new LineIndex(text).positionAt(offset);

const wasm = NodeWasmSource.forRoot(repoRoot);

/** A content change replacing `[offset, offset + length)` of `text` by `insert`, as VS Code reports it. */
export function changeAt(text: string, offset: number, length: number, insert: string): TextChange {
  return { range: { start: positionAt(text, offset), end: positionAt(text, offset + length) }, rangeOffset: offset, rangeLength: length, text: insert };
}

/**
 * A random edit for property tests: `at` (0–1) places it in `text`, `len` characters are replaced by `insert`; returns
 * the new text and the known edits narrowed by it (what the worker tracks between lints).
 */
export function applyRandomEdit(text: string, known: KnownEdits, e: { readonly at: number; readonly len: number; readonly insert: string }): { text: string; known: KnownEdits } {
  const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  const change = changeAt(text, at, Math.min(e.len, text.length - at), e.insert);
  return { known: narrowKnownEdits(known, text.length, [change]), text: applyTextChanges(text, [change]) };
}

export class WorkerHarness {
  readonly session: LintWorkerSession;
  readonly logs: string[] = [];
  private readonly waiting = new Map<number, (m: WorkerToHost) => void>();
  private readonly early = new Map<number, WorkerToHost>();
  private nextId = 1;

  constructor(options: Partial<LintWorkerSessionOptions> = {}) {
    this.session = new LintWorkerSession((m) => this.receive(m), { defer: (fn) => setImmediate(fn), ...options });
  }

  send(m: HostToWorker): void {
    this.session.handle(m);
  }

  id(): number {
    return this.nextId++;
  }

  /** Posts a request and resolves with the worker's answer to it. */
  request(m: HostToWorker & { id: number }): Promise<WorkerToHost> {
    const answer = new Promise<WorkerToHost>((resolve) => {
      const ready = this.early.get(m.id);
      if (ready) resolve(ready);
      else this.waiting.set(m.id, resolve);
    });
    this.send(m);
    return answer;
  }

  /** Resolves with the answer to a request posted earlier with `send`. */
  answer(id: number): Promise<WorkerToHost> {
    const ready = this.early.get(id);
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }

  private receive(m: WorkerToHost): void {
    if (m.type === 'log') {
      this.logs.push(m.message);
      return;
    }
    if (m.type === 'needWasm') {
      wasm.loadBytes(m.name).then(
        (bytes) => this.send({ type: 'wasm', id: m.id, bytes }),
        (err: unknown) => this.send({ type: 'wasm', id: m.id, error: String(err) }),
      );
      return;
    }
    const w = this.waiting.get(m.id);
    this.waiting.delete(m.id);
    if (w) w(m);
    else this.early.set(m.id, m);
  }
}
