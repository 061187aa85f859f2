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
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Linter } from '../src/core/lint/engine.js';
import { incrementalStats } from '../src/core/lint/incremental/unitLint.js';
import { IncrementalDocument, type TextChange } from '../src/core/lint/incrementalDocument.js';
import type { LintLanguageId } from '../src/core/lint/languages.js';
import { ALL_RULES } from '../src/core/lint/registry.js';
import { TreeSitterRuntime } from '../src/core/lint/treeSitter.js';
import type { WorkerToHost } from '../src/core/lint/worker/lintWorkerProtocol.js';
import { LintWorkerSession } from '../src/core/lint/worker/lintWorkerSession.js';
import { LintWorkerClient, type LintableDocument } from '../src/host/lint/lintWorkerClient.js';
import type { Logger } from '../src/host/logger.js';
import { NodeWasmSource } from '../src/node/grammarFiles.js';
import { startLintWorkerThread } from '../src/node/lintWorkerThread.js';
import { fmtMs, median, report, timeRuns } from './benchUtil.js';
import { PATHOLOGICAL } from './pathological.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wasm = NodeWasmSource.forRoot(root);
const linter = new Linter(new TreeSitterRuntime(wasm), ALL_RULES);

/** A 5,000-line file of real code: this repository's TypeScript sources, or the Python standard library. */
function fiveThousandLines(languageId: 'python' | 'typescript'): string {
  let files: string[];
  if (languageId === 'typescript') {
    files = (readdirSync(path.join(root, 'src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.startsWith('webview')).sort().map((f) => path.join(root, 'src', f));
  } else {
    const dir = readdirSync('/usr/lib').filter((d) => /^python3\.\d+$/.test(d)).sort().at(-1);
    files = dir ? readdirSync(path.join('/usr/lib', dir)).filter((f) => f.endsWith('.py')).sort().map((f) => path.join('/usr/lib', dir, f)) : [];
  }
  let text = '';
  for (const f of files) {
    if (text.split('\n').length >= 5000) break;
    text += readFileSync(f, 'utf8') + '\n';
  }
  return text.split('\n').slice(0, 5000).join('\n');
}

/**
 * 0-based lines strictly inside function and method bodies (not their first or last line), spread over the file: where
 * a person types a statement. The inserted line takes the indentation of the line it goes before.
 */
async function bodyLines(text: string, languageId: 'python' | 'typescript', count: number): Promise<number[]> {
  const grammar = await linter.grammar(languageId);
  const tree = grammar.parser.parse(text);
  if (!tree) return [];
  const types = languageId === 'python' ? ['function_definition'] : ['function_declaration', 'method_definition'];
  const rows: number[] = [];
  for (const fn of tree.rootNode.descendantsOfType(types)) {
    const body = fn?.childForFieldName('body');
    if (!body) continue;
    for (let r = body.startPosition.row + 1; r < body.endPosition.row; r++) rows.push(r);
  }
  tree.delete();
  const lines = text.split('\n');
  const usable = [...new Set(rows)].filter((r) => /^\s+\S/.test(lines[r] ?? '') && !/^\s*(\)|\]|\}|else|elif|except|finally|case|default|\.|\?|:|&&|\|\||"|')/.test(lines[r] ?? '')).sort((a, b) => a - b);
  const picked: number[] = [];
  for (let i = 0; i < count && usable.length > 0; i++) picked.push(usable[Math.floor(((i + 0.5) / count) * usable.length)] as number);
  return picked;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line, character: offset - (text.lastIndexOf('\n', offset - 1) + 1) };
}

function lineInsert(text: string, line: number, insert: string): { change: TextChange; next: string } {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return { change: { range: { start: { line, character: 0 }, end: { line, character: 0 } }, rangeOffset: offset, rangeLength: 0, text: insert }, next: text.slice(0, offset) + insert + text.slice(offset) };
}

/** Section 1: the worker's re-lint after one-line edits, driven in-process so only the worker's own work is timed. */
async function relint(languageId: 'python' | 'typescript'): Promise<void> {
  const text = fiveThousandLines(languageId);
  if (text.split('\n').length < 5000) {
    report(`re-lint ${languageId}`, 'no 5,000 lines of sample code here; skipped');
    return;
  }
  const grammar = await linter.grammar(languageId);
  // One statement typed on a new line inside a function or method body, at 21 places spread over the file.
  const sites = await bodyLines(text, languageId, 21);
  const statement = languageId === 'python' ? 'edited_total = 0\n' : 'const editedTotal = 0;\n';
  const insertAt = (t: string, i: number): { change: TextChange; next: string } => {
    // Earlier inserts moved later sites down by one line each (sites are in file order).
    const line = (sites[i] as number) + i;
    const indent = /^[ \t]*/.exec(t.split('\n')[line] ?? '')?.[0] ?? '';
    return lineInsert(t, line, indent + statement);
  };

  // Baselines on a kept tree: a full lint of it, and the incremental re-parse alone.
  const doc = new IncrementalDocument(grammar, text);
  const full = await timeRuns(5, () => linter.lintTree(grammar, doc.tree, doc.text, languageId));
  const parseOnly: number[] = [];
  let current = text;
  for (let i = 0; i < sites.length; i++) {
    const { change, next } = insertAt(current, i);
    const t = performance.now();
    doc.update([change], next);
    if (i > 0) parseOnly.push(performance.now() - t);
    current = next;
  }
  doc.dispose();

  // The worker session: change + lint request → answer, as the extension host sends them.
  const replies = new Map<number, (m: WorkerToHost) => void>();
  const session: LintWorkerSession = new LintWorkerSession(
    (m) => {
      if (m.type === 'needWasm') void wasm.loadBytes(m.name).then((bytes) => session.handle({ type: 'wasm', id: m.id, bytes }));
      else if (m.type !== 'log') replies.get(m.id)?.(m);
    },
    { defer: (fn) => setImmediate(fn) },
  );
  let id = 0;
  const lint = (version: number, length: number): Promise<WorkerToHost> =>
    new Promise((resolve) => {
      replies.set(++id, resolve);
      session.handle({ type: 'lint', id, doc: 'd', version, length });
    });
  current = text;
  session.handle({ type: 'open', doc: 'd', languageId, version: 1, text });
  await lint(1, text.length);
  const worker: number[] = [];
  const fastOnly: number[] = [];
  const fastSites: number[] = [];
  incrementalStats.stages.clear();
  const fastBefore = incrementalStats.fast;
  const reasonsBefore = new Map(incrementalStats.reasons);
  for (let i = 0; i < sites.length; i++) {
    const { change, next } = insertAt(current, i);
    const t = performance.now();
    const fastSoFar = incrementalStats.fast;
    session.handle({ type: 'change', doc: 'd', version: i + 2, changes: [change] });
    const r = await lint(i + 2, next.length);
    if (r.type !== 'linted') throw new Error(`worker answered ${r.type}`);
    // Wall time from the change message to the answer, the one task the worker yields before a request included.
    if (i > 0) worker.push(performance.now() - t);
    if (i > 0 && incrementalStats.fast > fastSoFar) fastOnly.push(performance.now() - t);
    if (incrementalStats.fast > fastSoFar) fastSites.push(i);
    current = next;
  }
  // Then a statement typed one character at a time in one function body (a lint after every keystroke), as a person
  // types: the kept outline follows the same unit edit after edit. The body is one where a typed line took the
  // incremental path above (not, say, inside a multi-line object literal, where a statement is a syntax error).
  const split = [...incrementalStats.stages].map(([stage, ms]) => `${stage} ${fmtMs(median(ms))}`).join(', ');
  incrementalStats.stages.clear();
  const keyFastBefore = incrementalStats.fast;
  const keystrokes: number[] = [];
  const typed = languageId === 'python' ? 'counter = counter + offset' : 'counter = counter + offset;';
  {
    const { change, next } = insertAt(current, fastSites[Math.floor(fastSites.length / 2)] ?? 0);
    session.handle({ type: 'change', doc: 'd', version: sites.length + 2, changes: [{ ...change, text: change.text.slice(0, change.text.length - statement.length) + '\n' }] });
    current = current.slice(0, change.rangeOffset) + change.text.slice(0, change.text.length - statement.length) + '\n' + current.slice(change.rangeOffset);
    await lint(sites.length + 2, current.length);
    let at = change.rangeOffset + change.text.length - statement.length;
    let version = sites.length + 2;
    for (const ch of typed) {
      const before = positionAt(current, at);
      const k: TextChange = { range: { start: before, end: before }, rangeOffset: at, rangeLength: 0, text: ch };
      current = current.slice(0, at) + ch + current.slice(at);
      at++;
      const fastSoFar = incrementalStats.fast;
      const t = performance.now();
      session.handle({ type: 'change', doc: 'd', version: ++version, changes: [k] });
      const r = await lint(version, current.length);
      if (r.type !== 'linted') throw new Error(`worker answered ${r.type}`);
      if (incrementalStats.fast > fastSoFar) keystrokes.push(performance.now() - t);
    }
    void next;
  }
  const keyFast = incrementalStats.fast - keyFastBefore;
  session.dispose();
  const fast = incrementalStats.fast - fastBefore - keyFast;
  const missed = [...incrementalStats.reasons].map(([r, n]) => [r, n - (reasonsBefore.get(r) ?? 0)] as const).filter(([, n]) => n > 0);
  const m = median(worker);
  report(`re-lint 5,000-line ${languageId} file, one line typed in a function body (worker, median of ${worker.length})`, fmtMs(m));
  if (fastOnly.length > 0) report(`  the edits that took the incremental path (median of ${fastOnly.length})`, fmtMs(median(fastOnly)));
  const p90 = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))] ?? NaN;
  if (fastOnly.length > 0) report(`  the edits that took the incremental path, p90`, fmtMs(p90(fastOnly)));
  // Where the incremental path's time goes, stage by stage (medians over the edits that took it).
  if (split) report(`  incremental path split (medians)`, split);
  report(`  incremental path taken`, `${fast} of ${sites.length} edits${missed.length ? ` (full lint: ${missed.map(([r, n]) => `${r} ×${n}`).join(', ')})` : ''}`);
  if (keystrokes.length > 0) {
    report(`  \`${typed}\` typed key by key in one function: keys that took the incremental path (median of ${keystrokes.length} of ${typed.length})`, fmtMs(median(keystrokes)));
    report(`    split (medians)`, [...incrementalStats.stages].map(([stage, ms]) => `${stage} ${fmtMs(median(ms))}`).join(', '));
  }
  report(`  full lint of the parsed file (median of 5)`, `${fmtMs(median(full))}  → worker re-lint / full lint ${(m / median(full)).toFixed(2)}x`);
  report(`  incremental re-parse alone (median of 20)`, `${fmtMs(median(parseOnly))}  → worker re-lint / parse ${(m / median(parseOnly)).toFixed(1)}x`);
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
