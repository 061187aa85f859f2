/**
 * The pathological inputs of issue 10, linted to completion. These assert that each file finishes (no time-budget
 * skip, no rule failure, no stack overflow) and what it reports — not how fast: speed and its scaling are measured in
 * bench/lint.bench.ts, which runs the same generators at 1k–8k.
 */
import assert from 'node:assert/strict';
import { Linter } from '../../../src/core/lint/engine.js';
import type { Finding } from '../../../src/core/lint/rule.js';
import { ALL_RULES } from '../../../src/core/lint/registry.js';
import { TreeSitterRuntime } from '../../../src/core/lint/treeSitter.js';
import { NodeWasmSource } from '../../../src/node/grammarFiles.js';
import { PATHOLOGICAL } from '../../../bench/pathological.js';
import { engineWarnings, linter, repoRoot } from './lintHarness.js';

/** Generous limits: these files are deliberately huge or deep, and must be linted, not skipped. */
const UNLIMITED = { maxChars: 50_000_000, maxLineLength: 50_000_000, timeBudgetMs: 120_000 };

async function lintFully(name: keyof typeof PATHOLOGICAL, n: number): Promise<Finding[]> {
  const { languageId, generate } = PATHOLOGICAL[name];
  const before = engineWarnings.length;
  const result = await linter().lintText(generate(n), languageId, UNLIMITED);
  assert.equal(result.skipped, undefined, `${name} × ${n} was skipped: ${result.skipped?.detail}`);
  assert.deepEqual(engineWarnings.slice(before), [], 'no rule failed (a stack overflow is logged as a rule failure)');
  return result.findings;
}

function countByRule(findings: readonly Finding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[f.ruleId] = (out[f.ruleId] ?? 0) + 1;
  return out;
}

describe('lint engine on pathological inputs (issue 10)', function () {
  // Completion, not speed, is asserted; a loaded CI machine still needs room for a few seconds of parsing.
  this.timeout(180_000);

  it('lints 1,000 one-line JS loops with one finding of each rule per line', async () => {
    const findings = await lintFully('jsLoops', 1000);
    assert.deepEqual(countByRule(findings), { 'loop.manual-index': 1000, 'loop.linear-membership-test': 1000 });
  });

  it('lints a TypeScript inheritance chain of 2,000 small classes', async () => {
    const findings = await lintFully('tsChain', 2000);
    // Every class deeper than the deep-inheritance limit is reported; the root's unused-this method once.
    const counts = countByRule(findings);
    assert.equal(counts['oop.method-not-using-self'], 1);
    assert.equal(counts['oop.deep-inheritance'], 2000 - 7);
  });

  it('reports the innermost statement of 1,000 nested JS loops', async () => {
    const findings = await lintFully('jsNestedLoops', 1000);
    assert.deepEqual(countByRule(findings), { 'loop.string-concat-in-loop': 1 });
  });

  it('reports the innermost statement of 300 nested Python loops', async () => {
    const findings = await lintFully('pyNestedLoops', 300);
    assert.deepEqual(countByRule(findings), { 'loop.string-concat-in-loop': 1 });
  });

  it('reports the method at the bottom of 400 nested Python classes', async () => {
    const findings = await lintFully('pyNestedClasses', 400);
    assert.deepEqual(countByRule(findings), { 'loop.string-concat-in-loop': 1 });
  });

  it('lints a Python inheritance chain of 1,500 classes', async () => {
    const findings = await lintFully('pyChain', 1500);
    assert.equal(countByRule(findings)['oop.deep-inheritance'], 1500 - 7);
  });

  it('handles 34 empty block comments before `super` in a subclass method (was an exponential regex)', async () => {
    assert.deepEqual(countByRule(await lintFully('superComments', 34)), {});
    const delegating = 'class A { m(x: number) { return x; } }\nclass B extends A {\n  m(x: number) {\n    ' + '/**/ '.repeat(34) + 'return super.m(x);\n  }\n}\n';
    const result = await linter().lintText(delegating, 'typescript', { rules: ['oop.useless-super-delegation'] });
    assert.deepEqual(
      result.findings.map((f) => f.range.start.line),
      [2],
      'the override that only returns super.m(x) is still found after the comments',
    );
  });

  it('skips Python nested deeper than the parser survives, with a reason, and keeps parsing other files', async () => {
    const result = await linter().lintText(PATHOLOGICAL.pyNestedClasses.generate(2000), 'python', UNLIMITED);
    assert.equal(result.skipped?.reason, 'too-deep');
    // The next file still parses and lints (one finding per accumulator and loop).
    assert.deepEqual(countByRule(await lintFully('pyConcat', 10)), { 'loop.string-concat-in-loop': 1 });
  });

  it('lints `x.a<.a<.a<…` (was a quadratic regex)', async () => {
    assert.deepEqual(await lintFully('genericChain', 5000), []);
  });

  it('reports 8,000 `s += x` lines in one Python loop once per accumulator', async () => {
    // One finding per accumulator and loop, as in JS (lint-peers: several `+=` of one string are one problem).
    const findings = await lintFully('pyConcat', 8000);
    assert.deepEqual(countByRule(findings), { 'loop.string-concat-in-loop': 1 });
  });

  it('reports 8,000 `s += x` lines in one JS loop once per accumulator', async () => {
    assert.deepEqual(countByRule(await lintFully('jsConcat', 8000)), { 'loop.string-concat-in-loop': 1 });
  });

  it('skips a file whose lint runs past the time budget, with one log line and no partial findings', async () => {
    const warnings: string[] = [];
    const engine = new Linter(new TreeSitterRuntime(NodeWasmSource.forRoot(repoRoot)), ALL_RULES, { warn: (m) => warnings.push(m) });
    let clock = 0;
    // A clock that advances one second per reading: the budget is exhausted at the first check.
    const result = await engine.lintText(PATHOLOGICAL.jsLoops.generate(200), 'javascript', { timeBudgetMs: 500, now: () => (clock += 1000) });
    assert.equal(result.skipped?.reason, 'time-budget');
    assert.deepEqual(result.findings, []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /exceeded the 500 ms lint budget/);
    assert.doesNotMatch(warnings[0] ?? '', /for \(|includes/, 'the log line names no source text');
  });
});
