import { strict as assert } from 'node:assert';
import type { RegionLinter } from '../../../src/core/capture/regionLinter.js';
import { EditTracker } from '../../../src/core/capture/editTracker.js';
import { LineIndex } from '../../../src/core/capture/lineIndex.js';
import { lintInContext, MAX_CONTEXT_CHARS, scoringContext } from '../../../src/core/capture/scoringContext.js';
import { dedent, rescoreEdit } from '../../../src/core/rescore/rescoreEdit.js';
import { AssistantEditEvent, DriftEvent, SCHEMA_VERSION, type DriftEventInput } from '../../../src/core/schema/events.js';
import { stripCode } from '../../../src/core/store/eventStore.js';
import { ManualClock } from '../../../src/core/util/clock.js';
import { linter, repoRoot } from '../lint/lintHarness.js';
import { realFiles, simulateEdits, type SimulatedEdit } from '../../support/simulatedEdits.js';

const PY = [
  'import os',
  '',
  '',
  '@decorate',
  'def outer(xs):',
  '    total = 0',
  '    for x in xs:',
  '        total += x',
  '    return total',
  '',
  '',
  'class Box:',
  '    def __init__(self):',
  '        self._items = []',
  '',
  '    def add(self, item):',
  '        self._items.append(item)',
  '',
  'print(outer([1]))',
  '',
].join('\n');

const windowOf = (text: string, region: { start: number; end: number }, language: string): string => scoringContext(text, region, language).text;

const at = (text: string, needle: string): number => {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i;
};

describe('capture/scoringContext', () => {
  it('is the top-level function around the edit, with its decorator', () => {
    const start = at(PY, '        total += x');
    assert.equal(windowOf(PY, { start, end: start + '        total += x\n'.length }, 'python'), '@decorate\ndef outer(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n');
  });

  it('is the whole class around an edited method, and only the statement for a module-level line', () => {
    const start = at(PY, '        self._items.append');
    const w = windowOf(PY, { start, end: start + 10 }, 'python');
    assert.ok(w.startsWith('class Box:\n') && w.includes('def add') && w.includes('def __init__'));
    const p = at(PY, 'print(');
    assert.equal(windowOf(PY, { start: p, end: p + 5 }, 'python'), 'print(outer([1]))\n');
  });

  it('spans every top-level unit an edit touches, and keeps closing braces with their TypeScript unit', () => {
    const ts = 'const a = 1;\n\nexport function f(xs: number[]) {\n  for (const x of xs) {\n    g(x);\n  }\n}\n\nfunction h() {\n  return 2;\n}\n';
    const s = at(ts, '    g(x)');
    assert.equal(windowOf(ts, { start: s, end: s + 4 }, 'typescript'), 'export function f(xs: number[]) {\n  for (const x of xs) {\n    g(x);\n  }\n}\n');
    assert.equal(windowOf(ts, { start: s, end: at(ts, 'return 2') }, 'typescript'), ts.slice(at(ts, 'export function'), ts.length));
  });

  it('drops to the method under its class header when the class is over the size bound, and to the edit lines when nothing fits', () => {
    const filler = Array.from({ length: 1500 }, (_, i) => `    def m${i}(self):\n        return ${i}\n`).join('\n');
    const big = `class Big:\n${filler}\n    def target(self, xs):\n        for x in xs:\n            self.m1()\n        return xs\n`;
    assert.ok(big.length > MAX_CONTEXT_CHARS);
    const s = at(big, '            self.m1()');
    const ctx = scoringContext(big, { start: s, end: s + 5 }, 'python');
    assert.equal(ctx.text, 'class Big:\n    def target(self, xs):\n        for x in xs:\n            self.m1()\n        return xs\n');
    assert.equal(ctx.text.slice(ctx.start, ctx.end), big.slice(s, s + 5));
    const bigTs = `export class Big extends Base {\n${Array.from({ length: 1500 }, (_, i) => `  m${i}() {\n    return ${i};\n  }\n`).join('')}  target(xs: number[]) {\n    return xs;\n  }\n}\n`;
    assert.ok(bigTs.length > MAX_CONTEXT_CHARS);
    const t = at(bigTs, '    return xs;');
    assert.equal(windowOf(bigTs, { start: t, end: t + 5 }, 'typescript'), 'export class Big extends Base {\n  target(xs: number[]) {\n    return xs;\n  }\n}\n');
    const huge = `def f():\n${'    x = 1\n'.repeat(MAX_CONTEXT_CHARS / 5)}`;
    const e = at(huge, '    x = 1');
    assert.equal(windowOf(huge, { start: e, end: e + 10 }, 'python'), 'def f():\n    x = 1\n');
  });

  it('lints an indented Python window dedented and maps findings back to its own positions', async () => {
    const code = '    def target(self, xs):\n        for i in range(len(xs)):\n            print(xs[i])\n';
    const ctx = { text: code, start: at(code, '        for'), end: code.length };
    const found = await lintInContext(ctx, 'python', async (t, l) => (await linter().lintText(t, l)).findings);
    const manual = found.filter((f) => f.ruleId === 'loop.manual-index');
    assert.equal(manual.length, 1);
    assert.equal(code.split('\n')[manual[0]!.range.start.line]!.slice(manual[0]!.range.start.character, manual[0]!.range.start.character + 3), 'for');
  });

  it('is stored with the edit only as code, and stripped with it at code level noCode', () => {
    const s = at(PY, '        total += x');
    const rec = AssistantEditEvent.parse({
      schema: SCHEMA_VERSION, id: 'e1', ts: 1, tz: 0, kind: 'assistant-edit', provenance: 'ai-inline', channel: 'inline-command', assistant: 'copilot',
      language: 'python', file: 'a.py', range: { start: { line: 7, character: 0 }, end: { line: 8, character: 0 } }, linesAdded: 1, linesRemoved: 0,
      charsInserted: 19, charsReplaced: 0, text: '        total += x\n', context: scoringContext(PY, { start: s, end: s + 19 }, 'python'),
    });
    assert.equal(rec.context?.text.slice(rec.context.start, rec.context.end), '        total += x\n');
    const stripped = stripCode(rec as unknown as Record<string, unknown>);
    assert.ok(!('context' in stripped) && !('text' in stripped));
    // A record from before the field existed still reads.
    const { context: _drop, ...old } = rec;
    assert.ok(DriftEvent.safeParse(old).success);
  });
});

/** Findings per rule of an edit's open findings (fresh) or of its re-score. */
type Counts = Map<string, number>;

function agreement(pairs: readonly [Counts, Counts][]): number {
  let min = 0;
  let max = 0;
  for (const [a, b] of pairs) {
    for (const id of new Set([...a.keys(), ...b.keys()])) {
      min += Math.min(a.get(id) ?? 0, b.get(id) ?? 0);
      max += Math.max(a.get(id) ?? 0, b.get(id) ?? 0);
    }
  }
  return max === 0 ? 1 : min / max;
}

const count = (ids: readonly string[]): Counts => {
  const m: Counts = new Map();
  for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
};

/** Runs one simulated edit through capture (real tracker, real linter, every checkpoint) and returns its records. */
async function capture(e: SimulatedEdit): Promise<DriftEvent[]> {
  const clock = new ManualClock(Date.UTC(2026, 10, 20, 10));
  const records: DriftEvent[] = [];
  let n = 0;
  const realLinter: RegionLinter = {
    ruleSet: linter().ruleSet,
    supports: () => true,
    lint: async (text, language) => (await linter().lintText(text, language)).findings,
  };
  const tracker = new EditTracker({
    clock,
    emit: (rs: DriftEventInput[]) => {
      const stored = rs.map((r) => DriftEvent.parse({ schema: SCHEMA_VERSION, id: `r${++n}`, ts: clock.now(), tz: 0, ...r }));
      records.push(...stored);
      return stored;
    },
    docs: { textOf: () => e.file.text },
    log: { debug: () => {}, warn: (m) => assert.fail(m) },
    linter: realLinter,
  });
  const index = new LineIndex(e.file.text);
  const text = e.file.text.slice(e.start, e.end);
  tracker.track({
    provenance: 'ai-inline', channel: 'inline-command', assistant: 'copilot', language: e.file.language, file: 'x', range: index.rangeOf(e.start, e.end),
    linesAdded: text.split('\n').length - 1, linesRemoved: 0, charsInserted: text.length, charsReplaced: 0, text, uri: 'file:///x', region: { start: e.start, end: e.end },
    documentText: e.file.text,
  });
  for (let t = 0; t < 910_000; t += 5_000) {
    clock.advance(5_000);
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
  }
  tracker.dispose();
  return records;
}

describe('re-scoring agrees with fresh capture on real code (Python stdlib, TypeScript in node_modules)', function () {
  this.timeout(300_000);

  it('re-scored findings equal fresh ones for every simulated edit; before this, the edit text alone agreed far less', async () => {
    const files = realFiles(repoRoot, 8);
    assert.ok(files.some((f) => f.language === 'python') && files.some((f) => f.language === 'typescript'), 'real files found');
    const lint = async (t: string, l: string) => (await linter().lintText(t, l)).findings;
    const afterPairs: [Counts, Counts][] = [];
    const beforePairs: [Counts, Counts][] = [];
    const wholePairs: [Counts, Counts][] = [];
    let withFindings = 0;
    for (const file of files) {
      const whole = await lint(file.text, file.language);
      const fileIndex = new LineIndex(file.text);
      for (const e of simulateEdits(file, 2)) {
        const records = await capture(e);
        const edit = records.find((r) => r.kind === 'assistant-edit');
        assert.ok(edit && edit.kind === 'assistant-edit' && edit.context, 'the edit is stored with its scoring context');
        const open = records.filter((r) => r.kind === 'finding' && r.status === 'open');
        const index = new LineIndex(file.text);
        for (const r of open) {
          // Positions are the document's, whatever the window left out above the edit.
          const anchor = r.kind === 'finding' ? index.offsetAt(r.range.start) : -1;
          assert.ok(anchor >= e.start && anchor < e.end, `${file.path}: a finding anchored outside the edit`);
        }
        const fresh = count(open.map((r) => (r.kind === 'finding' ? r.ruleId : '')));
        const rescore = await rescoreEdit({ edit, records }, linter().ruleSet, lint);
        const rescored: Counts = new Map(rescore.findings.map((f) => [f.ruleId, f.open]));
        assert.ok(rescore.findings.every((f) => f.fixed === 0), 'nothing changed in the region, so nothing was fixed');
        afterPairs.push([fresh, rescored]);
        const inWhole = whole.filter((f) => fileIndex.offsetAt(f.range.start) >= e.start && fileIndex.offsetAt(f.range.start) < e.end);
        wholePairs.push([count(inWhole.map((f) => f.ruleId)), fresh]);
        // Before: re-scoring linted the edit's own text only.
        const { context: _c, ...legacy } = edit;
        const old = await rescoreEdit({ edit: legacy, records: records.map((r) => (r.kind === 'survival' ? { ...r, regionContext: undefined } : r)) }, linter().ruleSet, lint);
        beforePairs.push([fresh, new Map(old.findings.map((f) => [f.ruleId, f.open]))]);
        if (fresh.size > 0) withFindings++;
        // The same as the text-only lint the legacy path does.
        const alone = count((await lint(file.language === 'python' ? dedent(file.text.slice(e.start, e.end)) : file.text.slice(e.start, e.end), file.language)).map((f) => f.ruleId));
        assert.deepEqual(new Map(old.findings.map((f) => [f.ruleId, f.open])), alone);
      }
    }
    assert.ok(withFindings >= 5, `enough edits with findings to compare (${withFindings})`);
    const after = agreement(afterPairs);
    const before = agreement(beforePairs);
    assert.equal(after, 1, `re-scored vs fresh agreement ${after}`);
    // What the window costs fresh scoring against the whole document it used to lint (0.956 on the bench's 492 edits).
    const whole = agreement(wholePairs);
    assert.ok(whole >= 0.9, `scoring window vs whole document agreement ${whole.toFixed(3)}`);
    assert.ok(before < 0.9, `the legacy text-only re-score disagreed with fresh scoring on these real edits (${before.toFixed(3)})`);
  });
});
