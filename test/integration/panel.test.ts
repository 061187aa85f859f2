/**
 * Quality panel, drift monitor and status bar inside the real extension host: hostile webview messages are rejected
 * and logged, the panel command reveals the view, a planted drift raises an alert that stays dismissed, and the
 * status bar follows its setting.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { demoHistory, type DemoAssistant } from '../../src/core/demo/demoHistory.js';
import { describeAlert } from '../../src/core/drift/describeAlert.js';
import { driftwatch, waitFor, waitForLog } from './util.js';

/** Two assistants with names no other suite uses, so this suite's records cannot disturb anyone's counts. */
const ASSISTANTS: DemoAssistant[] = [
  { id: 'itest-steady', extensionId: 'itest.steady', provenance: 'ai-inline', channel: 'inline-heuristic', version: '2.0.0', model: 'm-1', editsPerDay: 25, languages: { python: 1 }, findingRate: 0.03, errorRate: 0.04, survival: 0.86, rejectRate: 0.08, fixRate: 0.25 },
  { id: 'itest-drifty', extensionId: 'itest.drifty', provenance: 'ai-agent', channel: 'hook', version: '3.1.0', model: 'm-2', editsPerDay: 25, languages: { typescript: 1 }, findingRate: 0.025, errorRate: 0.03, survival: 0.9, rejectRate: 0.06, fixRate: 0.2 },
];

describe('quality panel (extension host)', () => {
  it('rejects and logs hostile messages from the webview without acting on them', async () => {
    const dw = await driftwatch();
    const provider = dw.panel!.provider;
    const before = provider.rejectedCount;
    const hostile: unknown[] = [
      null,
      'ready',
      42,
      { type: 'nope' },
      { type: 'query', id: 'q1', query: { range: '1000y' } },
      { type: 'query', id: 'x'.repeat(500), query: { range: '7d' } },
      { type: 'openEdit', id: 'o1', editId: '' },
      { type: 'openRuleDoc', ruleId: '../../package.json' },
      { type: 'dismissDrift', key: 'k'.repeat(10_000) },
      { type: 'openRuleDoc', ruleId: { toString: () => 'loop.x' } },
    ];
    for (const m of hostile) assert.equal(await provider.handleMessage(m), false, `accepted ${JSON.stringify(m)?.slice(0, 80)}`);
    assert.equal(provider.rejectedCount - before, hostile.length);
    await waitForLog('panel: rejected message from webview (openRuleDoc: ruleId');
    // A well-formed request for an edit the host does not know is answered, not thrown.
    assert.equal(await provider.handleMessage({ type: 'openEdit', id: 'o2', editId: 'no-such-edit' }), true);
  });

  it('"Driftwatch: Open Quality Panel" reveals the view', async () => {
    const dw = await driftwatch();
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('driftwatch.openPanel');
    await waitFor(() => dw.panel!.provider.visible, { timeout: 15_000, message: 'the Driftwatch panel to be visible' });
  });

  it('raises one alert for a planted drift, and a dismissed alert stays dismissed', async () => {
    const dw = await driftwatch();
    const history = demoHistory({ days: 40, endTs: Date.now(), seed: 21, assistants: ASSISTANTS, drift: { assistant: 'itest-drifty', daysAgo: 5, toVersion: '3.2.0', factor: 2.5 }, hours: [0, 24], tz: -new Date().getTimezoneOffset() });
    assert.equal(dw.store.append(history).length, history.length);
    const report = await dw.panel!.monitor.evaluate();
    const mine = (report?.alerts ?? []).filter((a) => a.assistant.startsWith('itest-'));
    assert.deepEqual(mine.map((a) => a.key), ['itest-drifty@3.2.0']);
    assert.ok(dw.panel!.monitor.visibleAlerts().some((a) => a.key === 'itest-drifty@3.2.0'));
    const alert = mine[0]!;
    assert.equal(alert.cause?.to, '3.2.0', 'the drift is tied to the version change');
    assert.deepEqual(alert.controlledFor, ['language', 'edit size']);
    const text = describeAlert(alert);
    assert.match(text, /^(itest-drifty's|Less of itest-drifty's|You (keep fewer|fix more) of itest-drifty's) .*since 3\.2\.0/);
    await waitForLog(`drift alert: ${text}`);
    // "Prepare Drift Report…" acts only for an assistant with a visible alert, and is guarded when the evidence
    // command is not in the build.
    assert.equal(await dw.panel!.provider.handleMessage({ type: 'prepareDriftReport', assistant: 'itest-steady' }), true);
    await waitForLog('panel: no drift alert for itest-steady; not preparing a drift report');
    const hasEvidence = (await vscode.commands.getCommands(true)).includes('driftwatch.prepareDriftReport');
    if (!hasEvidence) {
      assert.equal(await dw.panel!.provider.handleMessage({ type: 'prepareDriftReport', assistant: 'itest-drifty' }), true);
      await waitForLog('panel: preparing a drift report for itest-drifty');
      await waitForLog('panel: driftwatch.prepareDriftReport is not available in this build');
    }
    await dw.panel!.monitor.dismiss('itest-drifty@3.2.0');
    await dw.panel!.monitor.evaluate();
    assert.ok(!dw.panel!.monitor.visibleAlerts().some((a) => a.key === 'itest-drifty@3.2.0'));
    assert.ok(dw.context.globalState.get<string[]>('driftwatch.drift.dismissed', []).includes('itest-drifty@3.2.0'));
  });

  it('driftwatch.drift.watch decides which metrics may alert, and the monitor re-evaluates when it changes', async () => {
    const dw = await driftwatch();
    const settings = vscode.workspace.getConfiguration('driftwatch');
    try {
      await settings.update('drift.watch', 'findings', vscode.ConfigurationTarget.Global);
      await waitFor(() => dw.panel!.monitor.lastReport?.watched.join() === 'findings', { message: 'a re-evaluation watching findings only' });
      const findings = dw.panel!.monitor.lastReport!;
      assert.ok(findings.alerts.some((a) => a.key === 'itest-drifty@3.2.0' && a.metrics[0]?.metric === 'findings'), 'the planted findings rise still alerts');
      for (const a of findings.alerts) assert.deepEqual([...new Set(a.metrics.map((m) => m.metric))], ['findings']);
      await settings.update('drift.watch', 'survival', vscode.ConfigurationTarget.Global);
      await waitFor(() => dw.panel!.monitor.lastReport?.watched.join() === 'survival5m', { message: 'a re-evaluation watching survival only' });
      const survival = dw.panel!.monitor.lastReport!;
      assert.ok(survival.tests.some((t) => t.assistant === 'itest-drifty' && t.metric === 'findings'), 'findings is still tested');
      for (const a of survival.alerts) assert.deepEqual([...new Set(a.metrics.map((m) => m.metric))], ['survival5m']);
      await settings.update('drift.watch', 'loops', vscode.ConfigurationTarget.Global);
      await waitForLog('setting driftwatch.drift.watch has an invalid value "loops"; using "all"');
    } finally {
      await settings.update('drift.watch', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => dw.panel!.monitor.lastReport?.watched.length === 5, { message: 'back to watching every metric' });
  });

  it('"Driftwatch: Open Dashboard" opens one dashboard tab, which answers the wide query with per-rule trends', async () => {
    const dw = await driftwatch();
    await vscode.commands.executeCommand('driftwatch.openDashboard');
    await vscode.commands.executeCommand('driftwatch.openDashboard');
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('driftwatch.dashboard'));
    await waitFor(() => tabs().length === 1, { message: 'one dashboard tab' });
    assert.equal(dw.panel!.dashboard.isOpen, true);
    assert.equal(await dw.panel!.dashboard.handleMessage({ type: 'query', id: 'w1', query: { range: '30d' }, wide: true }), true);
    assert.equal(await dw.panel!.dashboard.handleMessage({ type: 'periodEdits', id: 'p1', query: { range: '30d' }, period: '2025-06-23', granularity: 'week' }), true);
    assert.equal(await dw.panel!.dashboard.handleMessage({ type: 'periodEdits', id: 'p2', query: { range: '30d' }, period: '2025-13-99/..', granularity: 'week' }), false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => tabs().length === 0 && !dw.panel!.dashboard.isOpen, { message: 'the dashboard to close' });
  });

  it('hides the status bar item when driftwatch.statusBar.enabled is false', async () => {
    const dw = await driftwatch();
    const config = vscode.workspace.getConfiguration('driftwatch');
    assert.equal(dw.panel!.statusBar.shown, true);
    await config.update('statusBar.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => !dw.panel!.statusBar.shown, { message: 'the status bar item to hide' });
    } finally {
      await config.update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => dw.panel!.statusBar.shown, { message: 'the status bar item to come back' });
  });
});
