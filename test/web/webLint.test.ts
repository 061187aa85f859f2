/**
 * Linting in the web worker extension host: the engine runs in a Web Worker nested in the extension host's worker
 * (not on the host's thread), loads its grammars through the host, and findings reach the Problems panel; an edit
 * that fixes the code removes its finding.
 */
import * as vscode from 'vscode';
import type { Driftwatch } from '../../src/host/driftwatch.js';
import * as assert from './check.js';

async function waitFor<T>(probe: () => T | undefined | false, what: string, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ruleOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('web host: lint in a Web Worker', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.workspace.getConfiguration('driftwatch').update('lint.problems', 'wholeFile', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('driftwatch').update('lint.problems', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows findings from the worker and re-lints after an edit', async () => {
    const ext = vscode.extensions.getExtension<Driftwatch | undefined>('driftwatch.driftwatch');
    assert.ok(ext, 'Driftwatch is loaded');
    await waitFor(() => ext.isActive, 'Driftwatch to activate');
    const api = ext.exports;
    assert.ok(api, 'the test API');
    // Capture's path first: one text linted through the worker.
    const once = await Promise.race([api.linter.lintText('for k in d.keys():\n    print(k)\n', 'python'), new Promise<string>((r) => setTimeout(() => r(`no answer (runs on ${api.linter.runsOn ?? 'not started'})`), 20_000))]);
    assert.ok(typeof once === 'object' && once.findings.some((f) => f.ruleId === 'loop.redundant-dict-keys'), `lintText answers with the finding: ${JSON.stringify(once)}`);
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: 'def keys_of(d):\n    out = []\n    for k in d.keys():\n        out.append(k)\n    return out\n' });
    const editor = await vscode.window.showTextDocument(doc);
    const ours = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'Driftwatch');
    const found = await waitFor(() => ours().find((d) => ruleOf(d) === 'loop.redundant-dict-keys'), `the redundant-dict-keys finding (lint runs on: ${api.linter.runsOn ?? 'not started'})`);
    assert.equal(found.range.start.line, 2, 'the finding is on the loop header');
    assert.equal(api.linter.runsOn, 'worker', 'lints ran in a Web Worker, not on the extension host thread');
    const at = doc.lineAt(2).text.indexOf('.keys()');
    await editor.edit((b) => b.delete(new vscode.Range(2, at, 2, at + '.keys()'.length)));
    await waitFor(() => !ours().some((d) => ruleOf(d) === 'loop.redundant-dict-keys'), 'the fixed finding to disappear');
    assert.ok(ours().some((d) => ruleOf(d) === 'loop.manual-comprehension'), 'the other finding stays');
  });
});
