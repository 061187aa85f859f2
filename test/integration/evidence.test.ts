/**
 * "Prepare Drift Report…" inside the real extension host: run with an assistant id (what a drift alert's button does)
 * it opens the review tab for that assistant without asking; an assistant without edits gets a message and no tab;
 * an invalid argument is logged and the user is asked instead.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { demoHistory, type DemoAssistant } from '../../src/core/demo/demoHistory.js';
import { closeAllEditors, driftwatch, waitFor, waitForLog } from './util.js';

/** Names no other suite uses, so this suite's records cannot disturb anyone's counts. */
const ASSISTANTS: DemoAssistant[] = [
  { id: 'evtest-drifty', extensionId: 'evtest.drifty', provenance: 'ai-agent', channel: 'hook', version: '4.0.0', model: 'm-4', editsPerDay: 25, languages: { python: 1 }, findingRate: 0.025, errorRate: 0.03, survival: 0.9, rejectRate: 0.06, fixRate: 0.2 },
];

const reviewTabs = (assistant: string): vscode.Tab[] =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('driftwatch.driftReport') && t.label === `Drift Report: ${assistant}`);

describe('prepare drift report (extension host)', () => {
  before(async () => {
    const dw = await driftwatch();
    const history = demoHistory({ days: 40, endTs: Date.now(), seed: 23, assistants: ASSISTANTS, drift: { assistant: 'evtest-drifty', daysAgo: 5, toVersion: '4.1.0', factor: 2.5 }, hours: [0, 24], tz: -new Date().getTimezoneOffset() });
    assert.equal(dw.store.append(history).length, history.length);
    await dw.store.flush();
  });
  afterEach(() => closeAllEditors());

  it('opens the review for the assistant it is given, as a string or { assistant }', async () => {
    assert.equal(await vscode.commands.executeCommand('driftwatch.prepareDriftReport', 'evtest-drifty'), true);
    await waitFor(() => reviewTabs('evtest-drifty').length === 1, { message: 'the review tab for evtest-drifty' });
    await waitForLog('drift report: review opened for evtest-drifty');
    await closeAllEditors();
    assert.equal(await vscode.commands.executeCommand('driftwatch.prepareDriftReport', { assistant: 'evtest-drifty' }), true);
    await waitFor(() => reviewTabs('evtest-drifty').length === 1, { message: 'the review tab again' });
    // Running it again for the same assistant replaces the tab rather than adding a second one.
    assert.equal(await vscode.commands.executeCommand('driftwatch.prepareDriftReport', 'evtest-drifty'), true);
    await waitFor(() => reviewTabs('evtest-drifty').length === 1, { message: 'still one review tab' });
  });

  it('opens nothing for an assistant without edits', async () => {
    assert.equal(await vscode.commands.executeCommand('driftwatch.prepareDriftReport', 'evtest-nobody'), false);
    assert.equal(reviewTabs('evtest-nobody').length, 0);
  });

  it('logs an invalid argument and asks for the assistant instead', async () => {
    const run = vscode.commands.executeCommand('driftwatch.prepareDriftReport', { assistant: '../../etc' });
    await waitForLog('drift report: ignored an invalid assistant argument');
    // The assistant picker opens (once the drift check is done); dismissing it ends the command without a report.
    let done = false;
    const result = Promise.resolve(run).then((v) => {
      done = true;
      return v;
    });
    await waitFor(
      async () => {
        if (!done) await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        return done;
      },
      { timeout: 15_000, message: 'the assistant picker to be dismissed' },
    );
    assert.equal(await result, false);
    assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('driftwatch.driftReport')).length, 0);
  });
});
