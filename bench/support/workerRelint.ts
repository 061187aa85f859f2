/**
 * The editor's re-lint after edits in a 5,000-line open file, driven in-process through the lint worker's own session
 * (`LintWorkerSession`: change message, lint request, answer), so only the worker's work is timed. Shared by
 * bench/lintWorker.bench.ts (every detail) and bench/lint.bench.ts (the target row).
 *
 * 1. One statement typed on a new line inside a function or method body at 21 places spread over the file.
 * 2. A statement typed key by key in one of those bodies (one where a typed line took the incremental path), a lint
 *    after every key: the kept outline follows the same unit edit after edit.
 * Baselines in the same run: a full lint of the parsed file, and the incremental re-parse alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Linter } from '../../src/core/lint/engine.js';
import { incrementalStats } from '../../src/core/lint/incremental/unitLint.js';
import { IncrementalDocument, type TextChange } from '../../src/core/lint/incrementalDocument.js';
import type { WasmSource } from '../../src/core/lint/wasmSource.js';
import type { WorkerToHost } from '../../src/core/lint/worker/lintWorkerProtocol.js';
import { LintWorkerSession } from '../../src/core/lint/worker/lintWorkerSession.js';
import { LineIndex } from '../../src/core/capture/lineIndex.js';
import { fmtMs, median, timeRuns } from '../benchUtil.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What one measurement found (times in ms). */
export interface WorkerRelint {
  /** Change message to answer, the 20 edits after the first at the 21 places. */
  readonly worker: number[];
  /** The same, for the edits that took the incremental path. */
  readonly fastOnly: number[];
  /** Medians per stage of the incremental path, at the 21 places. */
  readonly split: string;
  readonly fast: number;
  readonly sites: number;
  /** Why the other edits took the full lint, with counts. */
  readonly missed: ReadonlyArray<readonly [string, number]>;
  /** The statement typed key by key, and the keys that took the incremental path (change to answer). */
  readonly typed: string;
  readonly keystrokes: number[];
  readonly keySplit: string;
  readonly full: number[];
  readonly parseOnly: number[];
}

/** A 5,000-line file of real code: this repository's TypeScript sources, or the Python standard library. */
export function fiveThousandLines(languageId: 'python' | 'typescript'): string {
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
async function bodyLines(linter: Linter, text: string, languageId: 'python' | 'typescript', count: number): Promise<number[]> {
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

function lineInsert(text: string, line: number, insert: string): { change: TextChange; next: string } {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return { change: { range: { start: { line, character: 0 }, end: { line, character: 0 } }, rangeOffset: offset, rangeLength: 0, text: insert }, next: text.slice(0, offset) + insert + text.slice(offset) };
}

/** Section 1: the worker's re-lint after one-line edits, driven in-process so only the worker's own work is timed. */
export async function measureWorkerRelint(languageId: 'python' | 'typescript', linter: Linter, wasm: WasmSource): Promise<WorkerRelint | undefined> {
  const text = fiveThousandLines(languageId);
  if (text.split('\n').length < 5000) return undefined;
  const grammar = await linter.grammar(languageId);
  // One statement typed on a new line inside a function or method body, at 21 places spread over the file.
  const sites = await bodyLines(linter, text, languageId, 21);
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
  const missed = [...incrementalStats.reasons].map(([r, n]) => [r, n - (reasonsBefore.get(r) ?? 0)] as const).filter(([, n]) => n > 0);
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
      const before = new LineIndex(current).positionAt(at);
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
  return { worker, fastOnly, split, fast, sites: sites.length, missed, typed, keystrokes, keySplit: [...incrementalStats.stages].map(([stage, ms]) => `${stage} ${fmtMs(median(ms))}`).join(', '), full, parseOnly };
}
