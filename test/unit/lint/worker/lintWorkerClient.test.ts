/**
 * The extension host's `LintWorkerClient` (src/host/lint/lintWorkerClient.ts, only types from `vscode`) against a
 * real worker thread: a change cancels the document's lint in flight across threads (the shared flag), well before that
 * lint would have finished; the next lint of the new version answers with findings; a text lint answers like the
 * engine.
 */
import * as assert from 'node:assert/strict';
import path from 'node:path';
import { PATHOLOGICAL } from '../../../../bench/pathological.js';
import { LintWorkerClient, type LintableDocument } from '../../../../src/host/lint/lintWorkerClient.js';
import type { Logger } from '../../../../src/host/logger.js';
import { NodeWasmSource } from '../../../../src/node/grammarFiles.js';
import { startLintWorkerThread } from '../../../../src/node/lintWorkerThread.js';
import { repoRoot } from '../lintHarness.js';

const logger: Logger = { trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, show: () => {} };

describe('lint worker client with a real worker thread', function () {
  this.timeout(120_000);
  const wasm = NodeWasmSource.forRoot(repoRoot);
  const script = path.join(repoRoot, 'bench', 'support', 'lintWorkerFromSource.mjs');
  let client: LintWorkerClient;
  before(() => {
    client = new LintWorkerClient((n) => wasm.loadBytes(n), async () => startLintWorkerThread(script), logger);
  });
  after(() => client.dispose());

  it('a change cancels the running lint of that document, long before it would have finished', async () => {
    const warm = await client.lintText('for k in d.keys():\n    print(k)\n', 'python');
    assert.ok(warm?.findings.some((f) => f.ruleId === 'loop.redundant-dict-keys'), 'the worker lints');
    assert.equal(client.runsOn, 'worker');
    let text = PATHOLOGICAL.pyChain.generate(4000);
    const doc: LintableDocument = { version: 1, languageId: 'python', isClosed: false, getText: () => text };
    // A complete lint of this file, for scale.
    const fullStarted = performance.now();
    const full = await client.lintDocument('a', doc);
    const fullMs = performance.now() - fullStarted;
    assert.equal(full.kind, 'linted');
    // Again after an edit, cancelled by the next edit once it runs.
    text = '#\n' + text;
    (doc as { version: number }).version = 2;
    client.change('a', 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, rangeOffset: 0, rangeLength: 0, text: '#\n' }]);
    const started = performance.now();
    const pending = client.lintDocument('a', doc);
    await new Promise((r) => setTimeout(r, Math.min(200, fullMs / 4)));
    text = '#\n' + text;
    (doc as { version: number }).version = 3;
    client.change('a', 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, rangeOffset: 0, rangeLength: 0, text: '#\n' }]);
    const answer = await pending;
    const cancelledAfter = performance.now() - started;
    assert.equal(answer.kind, 'cancelled');
    assert.ok(cancelledAfter < fullMs * 0.75, `cancelled after ${cancelledAfter.toFixed(0)} ms; a whole lint took ${fullMs.toFixed(0)} ms`);
    const fresh = await client.lintDocument('a', doc);
    assert.equal(fresh.kind, 'linted');
    if (fresh.kind === 'linted') {
      assert.equal(fresh.version, 3);
      assert.ok(fresh.outcome.findings.some((f) => f.ruleId === 'oop.deep-inheritance'), 'findings of the new version');
    }
  });
});
