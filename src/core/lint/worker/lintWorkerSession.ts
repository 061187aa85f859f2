/**
 * The editor's lint worker, host-independent: it runs inside a `worker_threads` Worker (src/node/lintWorkerMain.ts)
 * or a Web Worker (src/web/lintWorkerMain.ts) and talks to the extension host only through `lintWorkerProtocol.ts`.
 *
 * Per open document it keeps the text (rebuilt from VS Code's content changes) and the tree-sitter tree: a change only
 * edits the tree (`tree.edit`), and the next lint re-parses incrementally. Requests run one at a time; before each one
 * the worker yields a task, so edits and cancels that arrived meanwhile are applied first, and a request whose
 * document moved on (a newer version, a newer request, or a cancel) is answered `cancelled` without linting. A lint
 * already running polls a shared cancellation flag the host sets (where SharedArrayBuffer exists) and stops within a
 * few hundred nodes. A file over the engine's time budget is answered `skipped` and logged once by the engine.
 */
import { Linter, skipBeforeParse, skipBeforeParseAfterEdit, widestIndentation, type PassedSizeChecks } from '../engine.js';
import type { SkipReason } from '../decode.js';
import { IncrementalDocument, type TextChange } from '../incrementalDocument.js';
import type { LintLanguageId } from '../languages.js';
import { ALL_RULES } from '../registry.js';
import type { Rule } from '../rule.js';
import { TreeSitterRuntime } from '../treeSitter.js';
import { LineIndex } from '../../capture/lineIndex.js';
import { changedRange, confirmOutline, incrementalStats, mergeFindings, movedUnit, narrowKnownEdits, outlineFactsFor, outlineChanges, outlineText, planFastPath, recordStage, shiftUnits, spliceOutline, unitsOf, type KnownEdits, type LintSnapshot, type Unit } from '../incremental/unitLint.js';
import { SyntaxMirror } from '../syntaxMirror.js';
import { CANCEL_SLOTS, type HostToWorker, type LintOutcome, type WorkerToHost } from './lintWorkerProtocol.js';

/** Applies one change event's changes (ranges relative to the text before the event, not overlapping) to a text. */
export function applyTextChanges(text: string, changes: readonly TextChange[]): string {
  // From the end backwards, so each change's offset still refers to unchanged text before it.
  const ordered = changes.length > 1 ? [...changes].sort((a, b) => b.rangeOffset - a.rangeOffset) : changes;
  let out = text;
  for (const c of ordered) out = out.slice(0, c.rangeOffset) + c.text + out.slice(c.rangeOffset + c.rangeLength);
  return out;
}

interface OpenDocument {
  readonly languageId: LintLanguageId;
  version: number;
  text: string;
  /** The kept tree; undefined until the first lint, after a skip, or after an edit the tree could not follow. */
  parsed: IncrementalDocument | undefined;
  /** True when `text` moved on since `parsed` was last re-parsed (edits were applied to the tree only). */
  parsedStale: boolean;
  /** The last lint's text, findings and top-level units (the incremental path's cache; see incremental/unitLint.ts). */
  snapshot?: LintSnapshot | undefined;
  /** What the change events since `base` (the snapshot's text) can have touched, so the diff compares only that. */
  edits?: { readonly base: string; known: KnownEdits } | undefined;
  /** The last text that passed the size checks: when it is `edits.base`, the next check reads only the edited lines. */
  sizeChecked?: { readonly text: string; readonly passed: PassedSizeChecks } | undefined;
  /**
   * The last outline tree the incremental path parsed (it may belong to an older text than `outlineModel`): when the
   * node model cannot be spliced (after a full lint), the new outline is parsed incrementally from it.
   */
  outline?: IncrementalDocument | undefined;
  outlineModel?: OutlineModel | undefined;
}

/**
 * The node model of the outline the incremental path last linted, the text it is the outline of, its kept unit, and
 * the units kept verbatim with it (the class family of `relativesOf`; empty for most units).
 */
export interface OutlineModel {
  readonly mirror: SyntaxMirror;
  readonly of: string;
  readonly index: number;
  readonly family: readonly number[];
}

type Job =
  | { readonly kind: 'doc'; readonly id: number; readonly doc: string; readonly version: number; readonly length: number }
  | { readonly kind: 'text'; readonly id: number; readonly text: string; readonly languageId: LintLanguageId };

export interface LintWorkerSessionOptions {
  /** Runs `fn` as a new task (setImmediate / setTimeout 0), so messages queued meanwhile are handled first. */
  readonly defer: (fn: () => void) => void;
  /** Rules (default: the whole registry). */
  readonly rules?: readonly Rule[];
  /** Per-file lint budget in ms (default: the engine's). */
  readonly timeBudgetMs?: number;
}

export class LintWorkerSession {
  private readonly docs = new Map<string, OpenDocument>();
  private readonly queue: Job[] = [];
  private readonly cancelledIds = new Set<number>();
  private readonly wasmWaits = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();
  private readonly linter: Linter;
  private flags: Int32Array | undefined;
  private running = false;
  private nextWasm = 1;

  constructor(
    private readonly post: (message: WorkerToHost) => void,
    private readonly options: LintWorkerSessionOptions,
  ) {
    const runtime = new TreeSitterRuntime({ loadBytes: (name) => this.requestWasm(name) });
    this.linter = new Linter(runtime, options.rules ?? ALL_RULES, { warn: (message) => post({ type: 'log', level: 'warn', message }) });
  }

  /** Number of documents held (tests). */
  get documentCount(): number {
    return this.docs.size;
  }

  /** The kept outline of a document: its node model, the text it is the outline of, the verbatim unit (tests). */
  outlineModelOf(doc: string): OutlineModel | undefined {
    return this.docs.get(doc)?.outlineModel;
  }

  handle(m: HostToWorker): void {
    switch (m.type) {
      case 'configure':
        this.flags = m.cancelFlags ? new Int32Array(m.cancelFlags) : undefined;
        return;
      case 'open':
        this.docs.get(m.doc)?.parsed?.dispose();
        this.docs.get(m.doc)?.outline?.dispose();
        this.docs.set(m.doc, { languageId: m.languageId, version: m.version, text: m.text, parsed: undefined, parsedStale: false });
        return;
      case 'change':
        this.change(m.doc, m.version, m.changes);
        return;
      case 'close':
        this.docs.get(m.doc)?.parsed?.dispose();
        this.docs.get(m.doc)?.outline?.dispose();
        this.docs.delete(m.doc);
        return;
      case 'cancel':
        this.cancelledIds.add(m.id);
        return;
      case 'lint':
        this.enqueue({ kind: 'doc', id: m.id, doc: m.doc, version: m.version, length: m.length });
        return;
      case 'lintText':
        this.enqueue({ kind: 'text', id: m.id, text: m.text, languageId: m.languageId });
        return;
      case 'wasm': {
        const wait = this.wasmWaits.get(m.id);
        this.wasmWaits.delete(m.id);
        if (m.bytes) wait?.resolve(m.bytes);
        else wait?.reject(new Error(m.error ?? 'wasm unavailable'));
        return;
      }
    }
  }

  private change(key: string, version: number, changes: readonly TextChange[]): void {
    const doc = this.docs.get(key);
    if (!doc) return; // not opened (yet): the next lint answers `resync` and the host sends the whole text
    if (doc.parsed) {
      try {
        doc.parsed.edit(changes);
        doc.parsedStale = true;
      } catch (err) {
        // A tree that cannot follow the edits is dropped and rebuilt from the full text on the next lint.
        this.log('warn', `lint worker: incremental edit failed, re-parsing: ${err instanceof Error ? err.message : String(err)}`);
        this.dropTree(doc);
      }
    }
    if (doc.edits) doc.edits.known = narrowKnownEdits(doc.edits.known, doc.text.length, changes);
    doc.text = applyTextChanges(doc.text, changes);
    doc.version = version;
  }

  private enqueue(job: Job): void {
    this.queue.push(job);
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        // Yield a task first: edits and cancels that arrived while the previous request ran are applied before this
        // one is judged stale or not.
        await new Promise<void>((resolve) => this.options.defer(resolve));
        const job = this.queue.shift() as Job;
        try {
          await this.run(job);
        } catch (err) {
          this.post({ type: 'failed', id: job.id, message: err instanceof Error ? err.message : String(err) });
        }
        this.cancelledIds.delete(job.id);
      }
    } finally {
      this.running = false;
    }
  }

  private isCancelled(id: number): boolean {
    return this.cancelledIds.has(id) || (this.flags !== undefined && Atomics.load(this.flags, id % CANCEL_SLOTS) === id);
  }

  private async run(job: Job): Promise<void> {
    if (this.isCancelled(job.id)) {
      this.post({ type: 'cancelled', id: job.id });
      return;
    }
    if (job.kind === 'text') {
      const started = performance.now();
      const r = await this.linter.lintText(job.text, job.languageId, { timeBudgetMs: this.options.timeBudgetMs, cancelled: () => this.isCancelled(job.id) });
      if (r.cancelled) this.post({ type: 'cancelled', id: job.id });
      else this.post({ type: 'textLinted', id: job.id, ...this.outcome(r, started), ruleSet: this.linter.ruleSet });
      return;
    }
    const started = performance.now();
    const doc = this.docs.get(job.doc);
    if (!doc) {
      this.post({ type: 'resync', id: job.id, doc: job.doc });
      return;
    }
    if (this.superseded(doc, job)) return;
    const skipped = this.sizeCheck(doc);
    if (skipped) {
      this.dropTree(doc);
      this.post({ type: 'linted', id: job.id, doc: job.doc, version: job.version, findings: [], skipped, ms: performance.now() - started });
      return;
    }
    const grammar = await this.linter.grammar(doc.languageId);
    // Loading a grammar awaits the host: edits, cancels and closes may have arrived meanwhile.
    if (this.docs.get(job.doc) !== doc || this.superseded(doc, job)) {
      if (this.docs.get(job.doc) !== doc) this.post({ type: 'cancelled', id: job.id });
      return;
    }
    if (doc.parsed && doc.parsed.grammar.id !== grammar.id) this.dropTree(doc);
    const parseStarted = performance.now();
    let reparsed = false;
    try {
      if (!doc.parsed) doc.parsed = new IncrementalDocument(grammar, doc.text);
      else if (doc.parsedStale) {
        doc.parsed.reparseIncrementally(doc.text);
        reparsed = true;
      }
      doc.parsedStale = false;
    } catch (err) {
      // tree-sitter's wasm can trap on extreme input: skip the file (once per version), keep the worker.
      this.parseFailed(doc, job, started, err);
      return;
    }
    const parsed = performance.now();
    const options = { timeBudgetMs: this.options.timeBudgetMs, cancelled: () => this.isCancelled(job.id) };
    const prev = doc.snapshot;
    doc.snapshot = undefined;
    const known = doc.edits && prev && doc.edits.base === prev.text ? doc.edits.known : undefined;
    const plan = prev ? planFastPath(prev, doc.parsed.tree, doc.text, doc.languageId, known) : undefined;
    if (prev && plan) {
      // Only the edited unit is re-linted, in an outline of the file (see incremental/unitLint.ts), timed per stage.
      const planned = performance.now();
      let outlined = planned;
      let outlineParsed = planned;
      let checked = planned;
      const profile = { mirrorMs: 0, rulesMs: 0 };
      let r;
      let confirmed: Unit | undefined;
      try {
        // Which unit of the kept outline is verbatim for the splice. Without families: its kept unit (the splice
        // blanks it and restores the edited one when they differ). With a family: every unit of the family is verbatim,
        // so an edit anywhere in the same family splices in place; other edits build the outline afresh.
        const kept = doc.outlineModel?.of === prev.text ? doc.outlineModel : undefined;
        const verbatim = (index: number, family: readonly number[]): string => [index, ...family].sort((a, b) => a - b).join();
        let keptIndex: number | undefined;
        if (kept && kept.family.length === 0 && plan.relatives.length === 0) keptIndex = kept.index;
        else if (kept && verbatim(kept.index, kept.family) === verbatim(plan.index, plan.relatives)) keptIndex = plan.index;
        const model = keptIndex !== undefined ? kept : undefined;
        // The units linted (and verbatim in the outline): the edited one and its class family, where they now lie.
        const linted = [plan.unit, ...plan.relatives.map((i) => movedUnit(prev, plan, i))];
        let mirror: SyntaxMirror | undefined;
        if (model) {
          // The kept outline belongs to the previous text: it changes where the text did (and where the verbatim unit
          // moved). Its node model is spliced — the edited unit copied from the document's tree, a unit that is no
          // longer kept re-parsed alone, blanked — so the outline is never re-parsed or re-mirrored as a whole.
          const changes = outlineChanges(prev, keptIndex as number, plan, doc.parsed.tree, doc.text, doc.languageId);
          const next = applyTextChanges(model.mirror.text, changes);
          outlined = performance.now();
          if (spliceOutline(model.mirror, grammar, doc.parsed.tree, next, prev, keptIndex as number, plan)) mirror = model.mirror;
        }
        if (!mirror) {
          const outline = outlineText(doc.parsed.tree, doc.text, linted, doc.languageId);
          outlined = performance.now();
          if (!doc.outline) doc.outline = new IncrementalDocument(grammar, outline);
          else {
            // After a full lint the kept outline tree belongs to an older text: one edit spanning the differences.
            const d = changedRange(doc.outline.text, outline);
            const before = new LineIndex(doc.outline.text);
            doc.outline.update([{ range: before.rangeOf(d.start, d.oldEnd), rangeOffset: d.start, rangeLength: d.oldEnd - d.start, text: outline.slice(d.start, d.newEnd) }], outline);
          }
          mirror = SyntaxMirror.build(doc.outline.tree, doc.outline.text);
        }
        doc.outlineModel = { mirror, of: doc.text, index: plan.index, family: plan.relatives };
        outlineParsed = performance.now();
        // Last check: what other units can observe of the unit's bodies is unchanged (else: the full lint; the
        // outline stays kept, it is the outline of this text).
        const unitNode = mirror.root.named[plan.index];
        confirmed = unitNode ? confirmOutline(prev, plan, unitNode, mirror.text, doc.languageId, mirror.root.hasError) : undefined;
        // An outline with a syntax error (the fast path refused it) is not kept: its incremental parse and patches may
        // have recovered from the error differently from a fresh parse, and a later edit would build on that.
        if (mirror.root.hasError) this.dropOutline(doc);
        checked = performance.now();
        // The document's tree stands in for the outline's in the engine's syntax-error checks: the linted units are
        // verbatim in both, with the same offsets, and only their findings are kept.
        if (confirmed) r = this.linter.lintTree(grammar, doc.parsed.tree, mirror.text, doc.languageId, { ...options, profile, mirror, fileText: doc.text, outlineFacts: outlineFactsFor(prev, plan), unit: linted.map((u) => ({ startIndex: u.start, endIndex: u.end })) });
      } catch (err) {
        this.log('warn', `lint worker: the incremental outline failed, linting the whole file: ${err instanceof Error ? err.message : String(err)}`);
        this.dropOutline(doc);
        r = { findings: [], skipped: { reason: 'parse-failed' as const, detail: 'outline' } };
      }
      if (r?.cancelled) {
        this.post({ type: 'cancelled', id: job.id });
        return;
      }
      if (r && confirmed && !r.skipped && this.docs.get(job.doc) === doc && doc.version === job.version && doc.parsed && !doc.parsedStale) {
        incrementalStats.fast++;
        const merging = performance.now();
        const findings = mergeFindings(prev, plan, r.findings);
        doc.snapshot = { ...prev, text: doc.text, findings, units: shiftUnits(prev.units, plan, confirmed) };
        doc.edits = { base: doc.text, known: { prefix: doc.text.length, suffix: doc.text.length } };
        const done = performance.now();
        recordStage('size checks', parseStarted - started);
        recordStage('incremental re-parse', parsed - parseStarted);
        recordStage('plan', planned - parsed);
        recordStage('outline edit', outlined - planned);
        recordStage('outline node model', outlineParsed - outlined);
        recordStage('digest check', checked - outlineParsed);
        recordStage('rules', profile.rulesMs);
        recordStage('merge', done - merging);
        recordStage('total', done - started);
        this.post({ type: 'linted', id: job.id, doc: job.doc, version: job.version, findings, ms: done - started });
        return;
      }
      if (this.docs.get(job.doc) !== doc || !doc.parsed || this.superseded(doc, job)) {
        if (this.docs.get(job.doc) !== doc) this.post({ type: 'cancelled', id: job.id });
        return;
      }
    }
    if (prev) incrementalStats.full++;
    // tree-sitter's error recovery can differ between an incremental re-parse and a fresh parse of the same broken
    // text (and with it the findings the engine drops around errors): a full lint of a tree with errors re-parses from
    // scratch, so it always equals a full lint of the text.
    if (reparsed && doc.parsed.tree.rootNode.hasError) {
      try {
        doc.parsed.replaceAll(doc.text);
      } catch (err) {
        this.parseFailed(doc, job, started, err);
        return;
      }
    }
    // The node model is built here, not in the engine, so that the snapshot's units (whose digests read every unit
    // whole) come from the same plain objects the rules ran on rather than from wasm calls on the tree.
    const mirror = SyntaxMirror.build(doc.parsed.tree, doc.text);
    const r = this.linter.lintTree(grammar, doc.parsed.tree, doc.text, doc.languageId, { ...options, mirror });
    if (r.cancelled) this.post({ type: 'cancelled', id: job.id });
    else {
      if (!r.skipped) {
        doc.snapshot = { text: doc.text, findings: r.findings, ...unitsOf(doc.parsed.tree, doc.text, doc.languageId, mirror) };
        doc.edits = { base: doc.text, known: { prefix: doc.text.length, suffix: doc.text.length } };
      }
      this.post({ type: 'linted', id: job.id, doc: job.doc, version: job.version, ...this.outcome(r, started) });
    }
  }

  /**
   * `skipBeforeParse` for the document's text. After edits to a text that passed, only the lines the edits touched
   * are read (`skipBeforeParseAfterEdit`, which answers as the whole-text check does).
   */
  private sizeCheck(doc: OpenDocument): { reason: SkipReason; detail: string } | undefined {
    const last = doc.sizeChecked;
    let outcome: { skipped: { reason: SkipReason; detail: string } } | { passed: PassedSizeChecks };
    if (last && doc.edits && doc.edits.base === last.text) {
      const from = Math.min(doc.edits.known.prefix, doc.text.length);
      outcome = skipBeforeParseAfterEdit(doc.text, from, Math.max(from, doc.text.length - doc.edits.known.suffix), last.passed, doc.languageId);
    } else {
      const skipped = skipBeforeParse(doc.text, doc.languageId);
      outcome = skipped ? { skipped } : { passed: { indentBound: doc.languageId === 'python' ? widestIndentation(doc.text) : 0 } };
    }
    doc.sizeChecked = 'passed' in outcome ? { text: doc.text, passed: outcome.passed } : undefined;
    return 'skipped' in outcome ? outcome.skipped : undefined;
  }

  /** Answers `cancelled` or `resync` and returns true when the job no longer matches its document. */
  private superseded(doc: OpenDocument, job: Job & { kind: 'doc' }): boolean {
    if (this.isCancelled(job.id) || doc.version > job.version) {
      this.post({ type: 'cancelled', id: job.id });
      return true;
    }
    if (doc.version !== job.version || doc.text.length !== job.length) {
      // The worker's copy drifted from the editor's (a change event it never saw): start over from the full text.
      this.dropTree(doc);
      this.docs.delete(job.doc);
      this.post({ type: 'resync', id: job.id, doc: job.doc });
      return true;
    }
    return false;
  }

  private outcome(r: { findings: LintOutcome['findings']; skipped?: LintOutcome['skipped'] }, started: number): LintOutcome {
    return r.skipped ? { findings: r.findings, skipped: r.skipped, ms: performance.now() - started } : { findings: r.findings, ms: performance.now() - started };
  }

  /** The parser failed on a document: drop its tree, log once, and answer this lint as skipped. */
  private parseFailed(doc: OpenDocument, job: Job & { kind: 'doc' }, started: number, err: unknown): void {
    this.dropTree(doc);
    const detail = err instanceof Error ? err.message : String(err);
    this.log('warn', `lint: the ${doc.languageId} parser failed on a document of ${doc.text.length} characters and it was skipped: ${detail}`);
    this.post({ type: 'linted', id: job.id, doc: job.doc, version: job.version, findings: [], skipped: { reason: 'parse-failed', detail }, ms: performance.now() - started });
  }

  private dropTree(doc: OpenDocument): void {
    doc.parsed?.dispose();
    doc.parsed = undefined;
    doc.parsedStale = false;
    doc.snapshot = undefined;
    this.dropOutline(doc);
  }

  private dropOutline(doc: OpenDocument): void {
    doc.outline?.dispose();
    doc.outline = undefined;
    doc.outlineModel = undefined;
  }

  private requestWasm(name: string): Promise<Uint8Array> {
    const id = this.nextWasm++;
    return new Promise((resolve, reject) => {
      this.wasmWaits.set(id, { resolve, reject });
      this.post({ type: 'needWasm', id, name });
    });
  }

  private log(level: 'warn' | 'debug', message: string): void {
    this.post({ type: 'log', level, message });
  }

  /** Frees every kept tree (the worker is ending). */
  dispose(): void {
    for (const doc of this.docs.values()) {
      doc.parsed?.dispose();
      doc.outline?.dispose();
    }
    this.docs.clear();
  }
}
