import assert from 'node:assert/strict';
import { Linter } from '../../../src/core/lint/engine.js';
import { IncrementalDocument } from '../../../src/core/lint/incrementalDocument.js';
import { ALL_RULES } from '../../../src/core/lint/registry.js';
import { TreeSitterRuntime } from '../../../src/core/lint/treeSitter.js';
import { NodeWasmSource } from '../../../src/node/grammarFiles.js';
import { lines, linter, lintPython, repoRoot } from './lintHarness.js';

const KEYS = 'loop.redundant-dict-keys';

describe('lint engine', () => {
  it('reports at the construct with 0-based UTF-16 positions', async () => {
    const findings = await lintPython('s = "é😀"; d = {}\nfor k in d.keys():\n    pass\n', KEYS);
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]?.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 17 } });
    assert.equal(findings[0]?.severity, 'info');
    assert.match(findings[0]?.message ?? '', /`d\.keys\(\)`/);
  });

  it('never reports inside an ERROR node but still lints the rest of a broken file', async () => {
    const src = ['for k in a.keys():', '    pass', 'def broken(:', '    for k in b.keys(', '', 'for k in c.keys():', '    pass', ''].join('\n');
    const result = await linter().lintText(src, 'python', { rules: [KEYS] });
    assert.equal(result.hasSyntaxErrors, true);
    const found = lines(result.findings);
    assert.ok(found.includes(1), `finding before the error expected, got ${found.join(',')}`);
    assert.ok(!found.includes(4), 'no finding inside the broken region');
  });

  it('skips files over the size limit and minified files with a reason', async () => {
    const big = 'for k in d.keys():\n    pass\n'.repeat(50_000);
    const r1 = await linter().lintText(big, 'python');
    assert.equal(r1.skipped?.reason, 'too-large');
    assert.equal(r1.findings.length, 0);
    const minified = `x = [${'1,'.repeat(6000)}]\nfor k in d.keys():\n    pass\n`;
    const r2 = await linter().lintText(minified, 'python');
    assert.equal(r2.skipped?.reason, 'minified');
  });

  it('decodes non-UTF-8 bytes with replacement and reports nothing on undecodable lines', async () => {
    const enc = new TextEncoder();
    const bytes = new Uint8Array([
      ...enc.encode('name = "caf'),
      0xe9, // Latin-1 é: invalid UTF-8
      ...enc.encode('"; d = {}\nfor k in d.keys():  # '),
      0xff,
      ...enc.encode('\n    pass\nfor k in d.keys():\n    pass\n'),
    ]);
    const result = await linter().lintBytes(bytes, 'python', { rules: [KEYS] });
    assert.equal(result.skipped, undefined);
    assert.deepEqual(lines(result.findings), [4]);
  });

  it('returns a skip reason for languages it does not lint', async () => {
    const result = await linter().lintText('fn main() {}', 'rust');
    assert.equal(result.skipped?.reason, 'unsupported-language');
  });

  it('keeps only findings anchored in the requested span', async () => {
    const src = 'for k in a.keys():\n    pass\nfor k in b.keys():\n    pass\n';
    const start = src.indexOf('for k in b');
    const findings = await lintPython(src, KEYS, { span: { startIndex: start, endIndex: src.length } });
    assert.deepEqual(lines(findings), [3]);
  });

  it('re-parses incrementally to the same tree a full parse gives', async () => {
    const grammar = await linter().grammar('python');
    const before = 'def f(d):\n    for k in d:\n        pass\n';
    const doc = new IncrementalDocument(grammar, before);
    const offset = before.indexOf('d:\n        pass');
    const after = before.slice(0, offset) + 'd.keys()' + before.slice(offset + 1);
    doc.update([{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 14 } }, rangeOffset: offset, rangeLength: 1, text: 'd.keys()' }], after);
    const full = grammar.parser.parse(after);
    assert.equal(doc.tree.rootNode.toString(), full?.rootNode.toString());
    full?.delete();
    const result = linter().lintTree(grammar, doc.tree, doc.text, 'python', { rules: [KEYS] });
    assert.deepEqual(lines(result.findings), [2]);
    doc.dispose();
  });
});

describe('lint engine on partial code', () => {
  it('runs every Python rule on a file cut off mid-edit without throwing, and reports only outside the broken tail', async () => {
    const good = ['class Cart:', '    items = []', '', 'def total(prices):', '    s = 0', '    for i in range(len(prices)):', '        s += prices[i]', '    return s', ''].join('\n');
    const broken = ['def half(xs):', '    for k in xs.keys(', '        if k in [1, 2, 3', ''].join('\n');
    const warnings: string[] = [];
    const engine = new Linter(new TreeSitterRuntime(NodeWasmSource.forRoot(repoRoot)), ALL_RULES, { warn: (m) => warnings.push(m) });
    const result = await engine.lintText(good + broken, 'python');
    assert.deepEqual(warnings, [], 'no rule threw');
    assert.equal(result.hasSyntaxErrors, true);
    const lineOf = (id: string): number[] => result.findings.filter((f) => f.ruleId === id).map((f) => f.range.start.line + 1);
    assert.deepEqual(lineOf('oop.mutable-class-attribute'), [2]);
    assert.deepEqual(lineOf('loop.manual-index'), [6]);
    const brokenStart = good.split('\n').length;
    assert.ok(result.findings.every((f) => f.range.start.line + 1 < brokenStart), `nothing in the broken tail: ${JSON.stringify(result.findings.map((f) => [f.ruleId, f.range.start.line + 1]))}`);
  });
});
