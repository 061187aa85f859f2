/**
 * The worker's incremental re-lint (src/core/lint/incremental/unitLint.ts) on REAL files: Python standard-library
 * modules and TypeScript sources (this repository's and an npm package's). Random edit sequences — whole lines typed
 * inside function bodies (the fast path), characters typed mid-line, lines deleted, and arbitrary snippets anywhere
 * (headers, class bodies, module level, syntax errors) — are applied through the real worker session, and after every
 * lint its findings must equal a full lint of the same text. The fast path must actually be taken for lines typed
 * inside function bodies.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { incrementalStats } from '../../../../src/core/lint/incremental/unitLint.js';
import type { LintLanguageId } from '../../../../src/core/lint/languages.js';
import { applyTextChanges } from '../../../../src/core/lint/worker/lintWorkerSession.js';
import { linter, repoRoot } from '../lintHarness.js';
import { changeAt, WorkerHarness } from './workerHarness.js';

const PY_DIR = '/usr/lib/python3.11';
const PY_FILES = ['textwrap.py', 'shlex.py', 'fnmatch.py', 'glob.py', 'bisect.py', 'colorsys.py', 'getopt.py', 'netrc.py', 'graphlib.py', 'heapq.py', 'csv.py', 'gettext.py'].map((f) => path.join(PY_DIR, f)).filter((f) => existsSync(f));
const TS_FILES = ['src/core/lint/syntaxMirror.ts', 'src/core/lint/engine.ts', 'src/core/lint/incremental/unitLint.ts', 'src/core/lint/worker/lintWorkerSession.ts', 'node_modules/fast-check/lib/esm/types/check/runner/Runner.d.ts']
  .map((f) => path.join(repoRoot, f))
  .filter((f) => existsSync(f));

const PY_LINES = ['x = [v for v in range(3)]', 'for k in d.keys():', '    s += str(k)', 'if k in [1, 2, 3]:', 'try:', 'result = sorted(xs)[0]', 'pass', 'return None', 'global G', 'class Inner(Base): pass', 'await f()'];
const TS_LINES = ['for (const y of xs) { s += y; }', "let t = '';", 'if ([1, 2].includes(k)) { g(); }', 'const m = xs.sort()[0];', 'try { f(); } catch {}', 'counter = counter + 1;', 'class Inner extends Base {}', 'return;', 'await f();', '}', '{'];
const ANY = ['\n', '}', '{', ':', ' ', '(', "'", 'def ', 'class ', 'self.z = 1', '# c\n', '// c\n'];

function key(findings: readonly { ruleId: string; range: unknown; message: string }[]): string[] {
  return findings.map((f) => `${f.ruleId} ${JSON.stringify(f.range)} ${f.message}`);
}

interface Edit {
  kind: 'line' | 'char' | 'delete' | 'any';
  at: number;
  pick: number;
}

const editArb = fc.record({ kind: fc.constantFrom<'line' | 'char' | 'delete' | 'any'>('line', 'line', 'line', 'char', 'delete', 'any'), at: fc.noBias(fc.nat({ max: 999_999 })).map((n) => n / 1_000_000), pick: fc.nat({ max: 1000 }) });
// (noBias: fast-check's default bias favours offset 0, the module docstring — not where people type.)

/** The edit as a change on `text`: a line typed with the indentation of the line it goes before, etc. */
function changeFor(text: string, e: Edit, languageId: LintLanguageId): ReturnType<typeof changeAt> {
  const lines = languageId === 'python' ? PY_LINES : TS_LINES;
  let at = Math.floor(e.at * text.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (e.kind === 'line') {
    const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
    return changeAt(text, lineStart, 0, indent + (lines[e.pick % lines.length] as string) + '\n');
  }
  if (e.kind === 'char') return changeAt(text, at, 0, 'abcxyz_1 '.charAt(e.pick % 9));
  if (e.kind === 'delete') {
    const end = text.indexOf('\n', lineStart);
    return changeAt(text, lineStart, end < 0 ? text.length - lineStart : end + 1 - lineStart, '');
  }
  at = Math.min(at, text.length);
  return changeAt(text, at, Math.min(e.pick % 4, text.length - at), ANY[e.pick % ANY.length] as string);
}

async function sequenceMatchesFullLint(languageId: LintLanguageId, base: string, edits: readonly Edit[]): Promise<void> {
  const h = new WorkerHarness();
  const doc = 'file:///real';
  let text = base;
  let version = 1;
  h.send({ type: 'open', doc, languageId, version, text });
  for (let i = 0; i <= edits.length; i++) {
    if (i > 0) {
      const change = changeFor(text, edits[i - 1] as Edit, languageId);
      text = applyTextChanges(text, [change]);
      version++;
      h.send({ type: 'change', doc, version, changes: [change] });
    }
    const reply = await h.request({ type: 'lint', id: h.id(), doc, version, length: text.length });
    assert.equal(reply.type, 'linted');
    const full = await linter().lintText(text, languageId);
    if (reply.type === 'linted') assert.deepEqual(key(reply.findings), key(full.findings), `incremental findings differ from a full lint after ${i} edits (${JSON.stringify(edits.slice(0, i))})`);
  }
  h.session.dispose();
}

function reset(): void {
  incrementalStats.fast = 0;
  incrementalStats.full = 0;
  incrementalStats.reasons.clear();
}

describe('incremental re-lint in the worker, on real files', function () {
  this.timeout(600_000);

  for (const [languageId, files, runs] of [
    ['python', PY_FILES, 80],
    ['typescript', TS_FILES, 60],
  ] as const) {
    it(`${languageId}: findings equal a full lint after every edit of random sequences (${files.length} real files)`, async () => {
      assert.ok(files.length >= 4, 'the real files exist');
      reset();
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: files.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 10 }), (f, edits) => sequenceMatchesFullLint(languageId, readFileSync(files[f] as string, 'utf8'), edits)),
        { numRuns: runs, seed: languageId === 'python' ? 4242 : 4343 },
      );
      // Report how often the fast path was taken (and why not), and require it to be taken at all.
      console.log(`      ${languageId}: fast path ${incrementalStats.fast}, full ${incrementalStats.full}, reasons ${JSON.stringify([...incrementalStats.reasons])}`);
      assert.ok(incrementalStats.fast > 0, 'the fast path was taken');
    });
  }

  it('a line typed inside a function body takes the fast path', async () => {
    reset();
    const text = readFileSync(path.join(PY_DIR, 'textwrap.py'), 'utf8');
    const h = new WorkerHarness();
    h.send({ type: 'open', doc: 'd', languageId: 'python', version: 1, text });
    await h.request({ type: 'lint', id: h.id(), doc: 'd', version: 1, length: text.length });
    const at = text.indexOf('    if predicate is None:'); // inside the top-level function `indent`
    assert.ok(at > 0);
    const change = changeAt(text, at, 0, '    n = [x for x in lines]\n');
    const next = applyTextChanges(text, [change]);
    h.send({ type: 'change', doc: 'd', version: 2, changes: [change] });
    const reply = await h.request({ type: 'lint', id: h.id(), doc: 'd', version: 2, length: next.length });
    assert.equal(incrementalStats.fast, 1, JSON.stringify([...incrementalStats.reasons]));
    assert.equal(reply.type, 'linted');
    if (reply.type === 'linted') assert.deepEqual(key(reply.findings), key((await linter().lintText(next, 'python')).findings));
  });
});
