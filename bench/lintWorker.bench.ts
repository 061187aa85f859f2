/**
 * The editor's lint worker (`npx tsx bench/lintWorker.bench.ts`, or `npm run bench -- --only lintWorker`). Prints
 * medians and ratios measured in the same run; asserts nothing.
 *
 * 1. Re-lint after one statement typed on a new line inside a function or method body of a 5,000-line open file, as
 *    the worker does it (change message: text + tree edit; lint request: incremental re-parse + the incremental
 *    re-lint of src/core/lint/incremental/unitLint.ts, or the full rules; how often the incremental path was taken is
 *    printed), against a full lint of the parsed tree and against the incremental
 *    re-parse alone (the floor).
 * 2. The extension host's longest blocked interval while the worst pathological file is open and typed into: a
 *    host-like process drives the real `LintWorkerClient` (the extension's own host code) with a debounce like the
 *    Problems panel's, the worker is a real worker thread, and `perf_hooks.monitorEventLoopDelay` watches this
 *    process's event loop. Baseline in the same run: the same typing with the engine on the host thread (how the
 *    extension linted before the worker), and the same typing with no lint at all (the machine's noise floor).
 */
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Linter } from '../src/core/lint/engine.js';
import { IncrementalDocument, type TextChange } from '../src/core/lint/incrementalDocument.js';
import type { LintLanguageId } from '../src/core/lint/languages.js';
import { ALL_RULES } from '../src/core/lint/registry.js';
import { TreeSitterRuntime } from '../src/core/lint/treeSitter.js';
import { LintWorkerClient, type LintableDocument } from '../src/host/lint/lintWorkerClient.js';
import type { Logger } from '../src/host/logger.js';
import { NodeWasmSource } from '../src/node/grammarFiles.js';
import { startLintWorkerThread } from '../src/node/lintWorkerThread.js';
import { fmtMs, median, report } from './benchUtil.js';
import { measureWorkerRelint } from './support/workerRelint.js';
import { PATHOLOGICAL } from './pathological.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wasm = NodeWasmSource.forRoot(root);
const linter = new Linter(new TreeSitterRuntime(wasm), ALL_RULES);

async function relint(languageId: 'python' | 'typescript'): Promise<void> {
  const r = await measureWorkerRelint(languageId, linter, wasm);
  if (!r) {
    report(`re-lint ${languageId}`, 'no 5,000 lines of sample code here; skipped');
    return;
  }
  const m = median(r.worker);
  report(`re-lint 5,000-line ${languageId} file, one line typed in a function body (worker, median of ${r.worker.length})`, fmtMs(m));
  if (r.fastOnly.length > 0) report(`  the edits that took the incremental path (median of ${r.fastOnly.length})`, fmtMs(median(r.fastOnly)));
  const p90 = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))] ?? NaN;
  if (r.fastOnly.length > 0) report(`  the edits that took the incremental path, p90`, fmtMs(p90(r.fastOnly)));
  // Where the incremental path's time goes, stage by stage (medians over the edits that took it).
  if (r.split) report(`  incremental path split (medians)`, r.split);
  report(`  incremental path taken`, `${r.fast} of ${r.sites} edits${r.missed.length ? ` (full lint: ${r.missed.map(([reason, n]) => `${reason} ×${n}`).join(', ')})` : ''}`);
  if (r.keystrokes.length > 0) {
    report(`  \`${r.typed}\` typed key by key in one function: keys that took the incremental path (median of ${r.keystrokes.length} of ${r.typed.length})`, fmtMs(median(r.keystrokes)));
    report(`    split (medians)`, r.keySplit);
  }
  report(`  full lint of the parsed file (median of 5)`, `${fmtMs(median(r.full))}  → worker re-lint / full lint ${(m / median(r.full)).toFixed(2)}x`);
  report(`  incremental re-parse alone (median of 20)`, `${fmtMs(median(r.parseOnly))}  → worker re-lint / parse ${(m / median(r.parseOnly)).toFixed(1)}x`);
}

const quietLogger: Logger = { trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, show: () => {} };

/** A document the host-like process "types" into: text and version as a TextDocument would have them. */
class TypedDocument implements LintableDocument {
  version = 1;
  isClosed = false;
  constructor(
    readonly languageId: string,
    private text: string,
  ) {}
  getText(): string {
    return this.text;
  }
  type(ch: string): TextChange {
    const change: TextChange = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, rangeOffset: 0, rangeLength: 0, text: ch };
    this.text = ch + this.text;
    this.version++;
    return change;
  }
}

const DEBOUNCE_MS = 400;
const KEYSTROKES = 24;
const KEY_INTERVAL_MS = 120;

/**
 * Types into the document like an editor would (a keystroke every 120 ms with a pause mid-way that lets a lint start),
 * lints after 400 ms of quiet like the Problems panel, and returns the longest event-loop delay seen meanwhile.
 */
async function typeWhileLinting(lintDoc: (doc: TypedDocument) => Promise<unknown>, onChange: (doc: TypedDocument, change: TextChange) => void, doc: TypedDocument): Promise<{ blockedMs: number; wallMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const started = performance.now();
  delay.enable();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const lints: Promise<unknown>[] = [];
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => lints.push(lintDoc(doc)), DEBOUNCE_MS);
  };
  schedule(); // the file was opened
  await new Promise((r) => setTimeout(r, DEBOUNCE_MS + 200)); // its first lint is running
  for (let i = 0; i < KEYSTROKES; i++) {
    onChange(doc, doc.type(i % 2 === 0 ? '#' : ' '));
    schedule();
    await new Promise((r) => setTimeout(r, i === KEYSTROKES / 2 ? DEBOUNCE_MS + 200 : KEY_INTERVAL_MS));
  }
  await new Promise((r) => setTimeout(r, DEBOUNCE_MS + 50));
  await Promise.all(lints);
  delay.disable();
  return { blockedMs: delay.max / 1e6, wallMs: performance.now() - started };
}

/** Section 2: the host's longest blocked interval, worker vs engine on the host thread, for the worst inputs. */
async function hostBlocked(): Promise<void> {
  // The worst cases of bench/pathological.ts at a size the editor meets: each lints for seconds (or to the budget).
  const cases: Array<[string, LintLanguageId, string]> = [
    ['jsLoops 2k lines', 'javascript', PATHOLOGICAL.jsLoops.generate(2000)],
    ['pyChain 2k classes', 'python', PATHOLOGICAL.pyChain.generate(2000)],
    ['tsChain 2k classes', 'typescript', PATHOLOGICAL.tsChain.generate(2000)],
  ];
  const script = path.join(root, 'bench', 'support', 'lintWorkerFromSource.mjs');
  for (const [label, languageId, text] of cases) {
    const client = new LintWorkerClient((name) => wasm.loadBytes(name), async () => startLintWorkerThread(script), quietLogger);
    await client.lintText('x = 1\n', 'python'); // worker started, runtime warm (as after the first lint in a session)
    let workerMs = 0;
    const inWorker = await typeWhileLinting(
      async (doc) => {
        const a = await client.lintDocument('doc', doc);
        if (a.kind === 'linted') workerMs = Math.max(workerMs, a.outcome.ms);
      },
      (doc, change) => client.change('doc', doc.version, [change]),
      new TypedDocument(languageId, text),
    );
    client.dispose();

    // Baseline: the engine on this thread, as the extension linted before the worker (kept tree, incremental parse).
    const grammar = await linter.grammar(languageId);
    let kept: IncrementalDocument | undefined;
    let hostMs = 0;
    const onHost = await typeWhileLinting(
      async (doc) => {
        const t = performance.now();
        if (!kept) kept = new IncrementalDocument(grammar, doc.getText());
        else kept.reparseIncrementally(doc.getText());
        linter.lintTree(grammar, kept.tree, doc.getText(), languageId);
        hostMs = Math.max(hostMs, performance.now() - t);
      },
      (_doc, change) => kept?.edit([change]),
      new TypedDocument(languageId, text),
    );
    kept?.dispose();
    // The noise floor: the same typing with no lint at all (a shared, loaded machine deschedules threads too).
    const idle = await typeWhileLinting(async () => undefined, () => undefined, new TypedDocument(languageId, text));
    report(`host blocked while typing into ${label}: worker`, `${fmtMs(inWorker.blockedMs)} longest  (longest worker lint ${fmtMs(workerMs)}; no lint at all: ${fmtMs(idle.blockedMs)})`);
    report(`  same typing, engine on the host thread (before)`, `${fmtMs(onHost.blockedMs)} longest  (longest lint ${fmtMs(hostMs)})  → ${(onHost.blockedMs / inWorker.blockedMs).toFixed(0)}x less blocking`);
  }
}

async function main(): Promise<void> {
  await linter.lintText('x = 1\n', 'python');
  await linter.lintText('let x = 1;\n', 'typescript');
  await relint('typescript');
  await relint('python');
  if (!process.argv.includes('--relint-only')) await hostBlocked();
}

void main();
