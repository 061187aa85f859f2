/**
 * The editor's lint worker session (src/core/lint/worker/lintWorkerSession.ts), driven in-process exactly as the
 * extension host drives the worker thread: the document mirrored by content changes and an incrementally re-parsed
 * tree give the same findings as a full lint of the same text after any sequence of edits (a property test against
 * the full lint); a newer edit supersedes a queued lint; a host-set cancellation flag stops a running lint; a drifted
 * copy asks for a resync; a file over the time budget is answered skipped with one log line.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { LintLanguageId } from '../../../../src/core/lint/languages.js';
import type { Rule } from '../../../../src/core/lint/rule.js';
import { ALL_RULES } from '../../../../src/core/lint/registry.js';
import { CANCEL_SLOTS, type WorkerToHost } from '../../../../src/core/lint/worker/lintWorkerProtocol.js';
import { applyTextChanges } from '../../../../src/core/lint/worker/lintWorkerSession.js';
import { PATHOLOGICAL } from '../../../../bench/pathological.js';
import { linter, repoRoot } from '../lintHarness.js';
import { changeAt, WorkerHarness } from './workerHarness.js';

const TS_BASE = [
  "import { x } from './x.js';",
  'export class Base { run(): void {} }',
  'export class Child extends Base {',
  '  run(): void { super.run(); }',
  '  load(urls: string[]) {',
  "    let s = '';",
  '    for (const u of urls) { s += u; }',
  '    return s;',
  '  }',
  '}',
  'export async function all(xs: string[], m: Map<string, number>) {',
  '  for (const k of m.keys()) { await fetch(k); }',
  '  const out: string[] = [];',
  '  for (let i = 0; i < xs.length; i++) { out.push(xs[i]!); }',
  '  return out;',
  '}',
  '',
].join('\n');

const PY_BASE = [
  'class Base:',
  '    def run(self):',
  '        return 1',
  '',
  'class Child(Base):',
  '    def run(self):',
  '        return super().run()',
  '',
  'def keys_of(d):',
  '    out = []',
  '    for k in d.keys():',
  '        out.append(k)',
  '    return out',
  '',
].join('\n');

/** Code fragments random edits insert: loops, classes, braces and stray tokens (so syntax errors come and go). */
const TS_SNIPPETS = ['\n', '}', '{', ' ', 'for (const y of xs) { s += y; }\n', 'class K extends Base { run() {} }\n', 'await f();', 'if (xs.includes(k)) {', "'", 'x.keys()', '// note\n'];
const PY_SNIPPETS = ['\n', '    ', ':', 'for y in xs:\n        s += y\n', 'class K(Base):\n    pass\n', 'await f()', 'if k in lst:', "'", 'd.keys()', '# note\n'];

function key(findings: readonly { ruleId: string; range: unknown; message: string }[]): string[] {
  return findings.map((f) => `${f.ruleId} ${JSON.stringify(f.range)} ${f.message}`);
}

interface Edit {
  at: number;
  del: number;
  snippet: number;
  /** A second, disjoint change in the same event (multi-cursor), placed before the first. */
  second: boolean;
  lintAfter: boolean;
}

const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 12 }), snippet: fc.nat({ max: 1000 }), second: fc.boolean(), lintAfter: fc.boolean() });

async function editsMatchFullLint(languageId: LintLanguageId, base: string, snippets: readonly string[], edits: readonly Edit[]): Promise<void> {
  const h = new WorkerHarness();
  const doc = 'file:///doc';
  let text = base;
  let version = 1;
  h.send({ type: 'open', doc, languageId, version, text });
  const lintAndCompare = async (): Promise<void> => {
    const id = h.id();
    const reply = await h.request({ type: 'lint', id, doc, version, length: text.length });
    assert.equal(reply.type, 'linted', `lint answered ${reply.type}`);
    const full = await linter().lintText(text, languageId);
    if (reply.type === 'linted') assert.deepEqual(key(reply.findings), key(full.findings), `findings differ from a full lint of:\n${text}`);
  };
  await lintAndCompare(); // the tree exists from here on, so later edits go through tree.edit + incremental parse
  for (const e of edits) {
    const at = Math.floor(e.at * text.length);
    const del = Math.min(e.del, text.length - at);
    const insert = snippets[e.snippet % snippets.length] as string;
    const changes = [changeAt(text, at, del, insert)];
    if (e.second && at > 2) changes.push(changeAt(text, 0, 1, insert)); // disjoint: [0,1) lies before `at`
    text = applyTextChanges(text, changes);
    version++;
    h.send({ type: 'change', doc, version, changes });
    if (e.lintAfter) await lintAndCompare();
  }
  await lintAndCompare();
  h.session.dispose();
}

describe('lint worker session', function () {
  this.timeout(120_000);

  it('applies a multi-change event from the end backwards (ranges refer to the text before the event)', () => {
    const text = 'abcdef';
    assert.equal(applyTextChanges(text, [changeAt(text, 1, 1, 'XX'), changeAt(text, 4, 2, '')]), 'aXXcd');
  });

  it('lints an opened document like a full lint of its text', async () => {
    const h = new WorkerHarness();
    h.send({ type: 'open', doc: 'a', languageId: 'typescript', version: 1, text: TS_BASE });
    const id = h.id();
    const reply = await h.request({ type: 'lint', id, doc: 'a', version: 1, length: TS_BASE.length });
    assert.equal(reply.type, 'linted');
    const full = await linter().lintText(TS_BASE, 'typescript');
    assert.ok(full.findings.length >= 3, 'the sample has findings');
    if (reply.type === 'linted') assert.deepEqual(key(reply.findings), key(full.findings));
  });

  it('after random edit sequences, TypeScript findings equal a full lint of the same text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 12 }), (edits) => editsMatchFullLint('typescript', TS_BASE, TS_SNIPPETS, edits)),
      { numRuns: 40, seed: 1010 },
    );
  });

  it('after random edit sequences, Python findings equal a full lint of the same text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 12 }), (edits) => editsMatchFullLint('python', PY_BASE, PY_SNIPPETS, edits)),
      { numRuns: 40, seed: 2020 },
    );
  });

  it('after edits spread over a real 1,000-line file, findings equal a full lint', async () => {
    const files = ['src/core/lint/engine.ts', 'src/core/lint/syntaxMirror.ts', 'src/core/lint/context.ts', 'src/core/lint/rule.ts', 'src/core/lint/incrementalDocument.ts'];
    const big = files.map((f) => readFileSync(path.join(repoRoot, f), 'utf8')).join('\n');
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 6 }), (edits) => editsMatchFullLint('typescript', big, TS_SNIPPETS, edits)),
      { numRuns: 5, seed: 3030 },
    );
  });

  it('a change that arrives before a queued lint runs supersedes it: the lint answers cancelled', async () => {
    const h = new WorkerHarness();
    h.send({ type: 'open', doc: 'a', languageId: 'typescript', version: 1, text: TS_BASE });
    const id = h.id();
    const answer = h.request({ type: 'lint', id, doc: 'a', version: 1, length: TS_BASE.length });
    h.send({ type: 'change', doc: 'a', version: 2, changes: [changeAt(TS_BASE, 0, 0, '\n')] });
    assert.equal((await answer).type, 'cancelled');
    const next = h.id();
    const fresh = await h.request({ type: 'lint', id: next, doc: 'a', version: 2, length: TS_BASE.length + 1 });
    assert.equal(fresh.type, 'linted', 'the newer version is linted');
  });

  it('a cancel message drops a queued request', async () => {
    const h = new WorkerHarness();
    const id = h.id();
    const answer = h.request({ type: 'lintText', id, text: TS_BASE, languageId: 'typescript' });
    h.send({ type: 'cancel', id });
    assert.equal((await answer).type, 'cancelled');
  });

  it('the shared flag the host sets stops a lint that is already running', async () => {
    const flags = new Int32Array(new SharedArrayBuffer(CANCEL_SLOTS * 4));
    let visits = 0;
    let running = 0;
    // A rule standing in for the host: partway through the walk (while the worker is busy), the host sets the flag.
    const hostCancelsMidway: Rule = {
      id: 'loop.try-in-loop',
      languages: ['javascript'],
      create: () => ({
        identifier() {
          visits++;
          if (visits === 2000) Atomics.store(flags, running % CANCEL_SLOTS, running);
        },
      }),
    };
    const h = new WorkerHarness({ rules: [hostCancelsMidway] });
    h.send({ type: 'configure', cancelFlags: flags.buffer as SharedArrayBuffer });
    const text = PATHOLOGICAL.jsLoops.generate(2000);
    h.send({ type: 'open', doc: 'p', languageId: 'javascript', version: 1, text });
    running = h.id();
    const reply = await h.request({ type: 'lint', id: running, doc: 'p', version: 1, length: text.length });
    assert.equal(reply.type, 'cancelled');
    const total = 2000 * 10;
    assert.ok(visits < 2000 + 1024 && visits < total, `the walk stopped soon after the flag (${visits} visits)`);
    // A later request for the same document is not affected by the old flag.
    visits = 1_000_000;
    const next = h.id();
    assert.equal((await h.request({ type: 'lint', id: next, doc: 'p', version: 1, length: text.length })).type, 'linted');
  });

  it('a copy that drifted from the editor (wrong length or unknown document) asks for a resync', async () => {
    const h = new WorkerHarness();
    const unknown = h.id();
    assert.deepEqual(await h.request({ type: 'lint', id: unknown, doc: 'nope', version: 1, length: 3 }), { type: 'resync', id: unknown, doc: 'nope' });
    h.send({ type: 'open', doc: 'a', languageId: 'python', version: 1, text: PY_BASE });
    const drifted = h.id();
    assert.equal((await h.request({ type: 'lint', id: drifted, doc: 'a', version: 1, length: PY_BASE.length + 5 })).type, 'resync');
    assert.equal(h.session.documentCount, 0, 'the drifted copy is dropped');
  });

  it('a document over the time budget is answered skipped, with one log line', async () => {
    const h = new WorkerHarness({ timeBudgetMs: 0 });
    const text = PATHOLOGICAL.jsLoops.generate(300);
    h.send({ type: 'open', doc: 'p', languageId: 'javascript', version: 1, text });
    const id = h.id();
    const reply: WorkerToHost = await h.request({ type: 'lint', id, doc: 'p', version: 1, length: text.length });
    assert.equal(reply.type, 'linted');
    if (reply.type === 'linted') {
      assert.equal(reply.skipped?.reason, 'time-budget');
      assert.deepEqual(reply.findings, []);
    }
    assert.equal(h.logs.filter((l) => l.includes('lint budget')).length, 1, h.logs.join('\n'));
  });

  it('lintText answers like the engine (capture scores regions with it)', async () => {
    const h = new WorkerHarness();
    const id = h.id();
    const reply = await h.request({ type: 'lintText', id, text: PY_BASE, languageId: 'python' });
    assert.equal(reply.type, 'textLinted');
    if (reply.type === 'textLinted') assert.deepEqual(key(reply.findings), key((await linter().lintText(PY_BASE, 'python')).findings));
    assert.ok(ALL_RULES.length > 0);
  });
});
