/**
 * Quality panel E2E: a real code-server and Chromium, a store seeded with a generated 90-day history for three
 * assistants where claude-code drops after updating to 1.0.31, and the demo workspace the edits point into.
 */
import * as assert from 'node:assert/strict';
import type { Frame, FrameLocator } from 'playwright-core';
import { DEMO_DRIFT, demoHistory } from '../../src/core/demo/demoHistory.js';
import { demoWorkspaceFiles } from '../../src/core/demo/demoWorkspace.js';
import { useSession } from './session.js';

/** The slice of the DOM canvas API the pixel check needs (this tsconfig has no DOM lib; the callback runs in the page). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

/** Counts non-transparent pixels of every canvas inside a chart figure (uPlot draws on canvas). */
async function paintedPixels(view: FrameLocator | Frame, testid: string): Promise<number> {
  return view.locator(`figure[data-testid="${testid}"] canvas`).first().evaluate((el) => {
    const c = el as unknown as CanvasLike;
    const ctx = c.getContext('2d');
    if (!ctx || c.width === 0 || c.height === 0) return 0;
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) n++;
    return n;
  });
}

describe('quality panel (browser)', function () {
  this.timeout(90_000);
  const files = Object.fromEntries(demoWorkspaceFiles().map((f) => [f.path, f.text]));
  const s = useSession({
    // Edits around the clock, so "today" has some whatever hour the suite runs at.
    seed: () => demoHistory({ days: 90, endTs: Date.now(), seed: 5, drift: DEMO_DRIFT, tz: -new Date().getTimezoneOffset(), hours: [0, 24] }),
    files,
    settings: { 'driftwatch.drift.alerts': true },
    viewport: { width: 1500, height: 1000 },
  });
  const view = (): FrameLocator => s.webview();

  async function waitReady(): Promise<void> {
    await view().locator('body[data-driftwatch="ready"]').waitFor({ state: 'attached', timeout: 45_000 });
    await view().locator('main[aria-busy="false"]').waitFor({ state: 'attached', timeout: 30_000 });
  }

  it('draws the headline and every chart from the seeded rollups', async () => {
    await s.openDriftwatchView();
    await waitReady();
    const score = (await view().getByTestId('headline-score').textContent())?.trim() ?? '';
    assert.match(score, /^\d{1,3}$/, `today's score is a number: "${score}"`);
    for (const id of ['chart-score', 'chart-acceptance', 'chart-survival', 'chart-fixrate', 'chart-findings', 'chart-rejected']) {
      const painted = await paintedPixels(view(), id);
      assert.ok(painted > 500, `${id} painted ${painted} pixels`);
      const label = (await view().getByTestId(id).getAttribute('aria-label')) ?? '';
      assert.match(label, /latest/, `${id} has a text alternative: ${label}`);
    }
    // ARC beside survival: a second line on the survival chart and a column in the breakdowns, a percentage per assistant.
    assert.match((await view().getByTestId('chart-survival').textContent()) ?? '', /ARC at 5 min/);
    const head = await view().getByTestId('breakdown-assistant').locator('thead th').allTextContents();
    const arcColumn = head.indexOf('ARC@5');
    assert.equal(head[arcColumn - 1], '@5 min', `ARC@5 sits right after survival@5 min: ${JSON.stringify(head)}`);
    const arcCells = await view().getByTestId('breakdown-assistant').locator(`tbody tr > :nth-child(${arcColumn + 1})`).allTextContents();
    assert.equal(arcCells.length, 3);
    for (const c of arcCells) assert.match(c.trim(), /^\d{1,3}%$/, `an ARC percentage per assistant: ${JSON.stringify(arcCells)}`);
    assert.ok((await view().getByTestId('rule-row').count()) > 5, 'the rule table lists rules');
    assert.ok((await view().getByTestId('recent-edit').count()) > 5, 'recent edits are listed');
    await s.screenshot('panel-overview');
    const violation = await view().locator('body').getAttribute('data-csp-last-violation');
    assert.equal(await view().locator('body').getAttribute('data-csp-violations'), null, `the panel runs under its CSP without violations (last: ${violation})`);
  });

  it('shows one drift alert naming exactly claude-code and version 1.0.31, in the panel and as a notification', async () => {
    await s.openDriftwatchView();
    const alerts = view().getByTestId('drift-alert');
    // The host evaluates drift a few seconds after start, then the view refreshes.
    await alerts.first().waitFor({ state: 'visible', timeout: 45_000 });
    assert.equal(await alerts.count(), 1);
    assert.equal(await alerts.getAttribute('data-assistant'), 'claude-code');
    assert.equal(await alerts.getAttribute('data-version'), '1.0.31');
    // Plain language first; the statistics stay behind the disclosure until opened.
    const headline = (await alerts.getByTestId('drift-headline').textContent()) ?? '';
    assert.match(headline, /^claude-code's code has \d+(\.\d)?× more findings per line since 1\.0\.31$/);
    const details = alerts.getByTestId('drift-details');
    assert.equal(await details.getAttribute('open'), null, 'statistics are collapsed at first');
    assert.equal(await alerts.getByTestId('drift-metric').first().isVisible(), false);
    await details.locator('summary').click();
    await alerts.getByTestId('drift-metric').first().waitFor({ state: 'visible' });
    const stats = (await details.textContent()) ?? '';
    assert.match(stats, /rate ratio \d+\.\d+× \(95% CI [\d.]+–[\d.]+\)/);
    assert.match(stats, /Compared like with like: same language and edit size\./);
    await s.screenshot('drift-alert');
    // A warning toast hides itself after a while; the notification centre keeps it.
    await s.runCommand('Notifications: Show Notifications');
    const rows = s.page.locator('.notifications-center .notification-list-item', { hasText: 'since 1.0.31' });
    await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await rows.count(), 1, 'exactly one drift notification');
    assert.match((await rows.first().textContent()) ?? '', /claude-code's code has \d+(\.\d)?× more findings per line since 1\.0\.31/);
    await s.screenshot('drift-notification');
    await s.page.keyboard.press('Escape');
    const status = s.page.locator('.statusbar-item', { hasText: /\d+|—/ }).filter({ has: s.page.locator('.codicon-warning') });
    assert.ok((await status.count()) >= 1, 'the status bar shows the drift indicator');
  });

  it('changes the series when a filter changes', async () => {
    await s.openDriftwatchView();
    await waitReady();
    const before = await view().getByTestId('chart-score').getAttribute('aria-label');
    await view().getByTestId('filter-assistant').selectOption('cursor');
    await view().locator('main[aria-busy="false"]').waitFor({ state: 'attached', timeout: 15_000 });
    await view().getByTestId('chart-score').waitFor({ state: 'visible' });
    const after = await view().getByTestId('chart-score').getAttribute('aria-label');
    assert.notEqual(after, before, 'the score series differs for cursor alone');
    const rows = await view().getByTestId('breakdown-assistant').locator('tbody th').allTextContents();
    assert.deepEqual(rows, ['cursor']);
    await s.screenshot('panel-filter-cursor');
    await view().getByTestId('filter-assistant').selectOption('');
    await view().locator('main[aria-busy="false"]').waitFor({ state: 'attached', timeout: 15_000 });
  });

  it('opens the file at the region when a recent edit is clicked', async () => {
    await s.openDriftwatchView();
    await waitReady();
    const first = view().getByTestId('recent-edit').first();
    const fileAndLine = (await first.locator('.recent-file').textContent())?.trim() ?? '';
    const [, file, line] = /^(.+):(\d+)$/.exec(fileAndLine) ?? [];
    assert.ok(file && line, `row names a file and line: ${fileAndLine}`);
    await first.click();
    const tabName = file.split('/').pop()!;
    await s.page.locator('.tabs-container .tab.active', { hasText: tabName }).waitFor({ timeout: 15_000 });
    const selection = s.page.locator('.statusbar-item[id="status.editor.selection"]');
    await selection.filter({ hasText: new RegExp(`Ln ${line},`) }).waitFor({ timeout: 10_000 });
    await s.screenshot('recent-edit-opened');
  });

  it('survives being hidden and shown, keeping the range', async () => {
    await s.openDriftwatchView();
    await waitReady();
    await view().getByTestId('range-select').selectOption('90d');
    await view().locator('main[aria-busy="false"]').waitFor({ state: 'attached', timeout: 15_000 });
    // Show the Explorer (the webview is torn down: no retainContextWhenHidden), then come back.
    await s.page.keyboard.press('Control+Shift+E');
    await s.page.locator('.part.sidebar .composite.title h2', { hasText: /explorer/i }).waitFor({ timeout: 10_000 });
    await s.openDriftwatchView();
    await waitReady();
    assert.equal(await view().getByTestId('range-select').inputValue(), '90d');
    assert.ok((await paintedPixels(view(), 'chart-score')) > 500, 'the chart is drawn again');
    await s.screenshot('panel-after-hide-show');
  });

  /** Picks a colour theme the way a user does: "Preferences: Color Theme", type its name, Enter. */
  async function pickTheme(name: string): Promise<void> {
    const input = s.page.locator('.quick-input-widget .quick-input-box input');
    await s.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('>Preferences: Color Theme');
    // Not "Browse Color Themes in Marketplace", which also matches: the row whose label is exactly the command.
    const row = s.page.locator('.quick-input-widget .monaco-list-row').filter({ has: s.page.locator('.label-name', { hasText: /^Preferences: Color Theme$/ }) });
    await row.first().click({ timeout: 10_000 });
    await s.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor({ timeout: 10_000 });
    await input.fill(name);
    await s.page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
    await s.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
  }

  for (const [theme, bodyClass] of [
    ['Dark Modern', 'vscode-dark'],
    ['Dark High Contrast', 'vscode-high-contrast'],
    ['Light Modern', 'vscode-light'],
  ] as const) {
    it(`follows the ${theme} theme`, async () => {
      await pickTheme(theme);
      await s.openDriftwatchView();
      await view().locator(`body.${bodyClass}`).waitFor({ state: 'attached', timeout: 20_000 });
      await waitReady();
      assert.ok((await paintedPixels(view(), 'chart-score')) > 500, 'the chart is redrawn in the new theme');
      await s.screenshot(`panel-theme-${bodyClass}`);
    });
  }

  it('is keyboard-navigable: arrows move through recent edits, focus survives a data refresh', async () => {
    await s.openDriftwatchView();
    await waitReady();
    const focused = () =>
      view()
        .locator('body')
        .evaluate(() => {
          const el = (globalThis as unknown as { document: { activeElement: { dataset?: Record<string, string> } | null } }).document.activeElement;
          return `${el?.dataset?.['testid'] ?? ''}|${el?.dataset?.['editId'] ?? ''}`;
        });
    const rows = view().getByTestId('recent-edit');
    const second = await rows.nth(1).getAttribute('data-edit-id');
    await rows.first().focus();
    await s.page.keyboard.press('ArrowDown');
    assert.equal(await focused(), `recent-edit|${second}`);
    const range = view().getByTestId('range-select');
    await range.focus();
    const before = await range.inputValue();
    await s.page.keyboard.press('ArrowDown');
    await view().locator('main[aria-busy="false"]').waitFor({ state: 'attached', timeout: 15_000 });
    assert.notEqual(await range.inputValue(), before, 'the keyboard changed the range');
    assert.equal(await focused(), 'range-select|', 'focus stays on the control after the panel re-rendered');
  });

  it("opens the full-size dashboard from the side bar: wider charts, per-rule trends, a period's edits one click away, restored on reload", async function () {
    // A page reload and a second workbench start are part of it.
    this.timeout(180_000);
    await s.openDriftwatchView();
    await waitReady();
    const sidebarWidth = await view().locator('figure[data-testid="chart-score"] canvas').first().evaluate((el) => (el as unknown as CanvasLike).width);
    await view().getByTestId('open-dashboard').click();
    await s.page.locator('.tabs-container .tab.active', { hasText: 'Driftwatch Dashboard' }).waitFor({ timeout: 15_000 });
    try {
      await checkDashboard(sidebarWidth);
    } finally {
      // While the tab is open the side bar's frame is not the only Driftwatch webview; later tests expect it to be.
      await s.runCommand('View: Close All Editors');
    }
  });

  async function checkDashboard(sidebarWidth: number): Promise<void> {
    const dash = await s.dashboardFrame();
    await dash.locator('body[data-surface="dashboard"][data-driftwatch="ready"]').waitFor({ state: 'attached', timeout: 45_000 });
    await dash.locator('main[aria-busy="false"]').waitFor({ state: 'attached', timeout: 30_000 });
    // Same components, more room: every chart is drawn, wider (and taller) than in the side bar.
    for (const id of ['chart-score', 'chart-acceptance', 'chart-survival', 'chart-fixrate', 'chart-findings', 'chart-rejected']) assert.ok((await paintedPixels(dash, id)) > 500, `${id} drawn on the dashboard`);
    const dashWidth = await dash.locator('figure[data-testid="chart-score"] canvas').first().evaluate((el) => (el as unknown as CanvasLike).width);
    assert.ok(dashWidth > 1.5 * sidebarWidth, `dashboard chart ${dashWidth}px vs side bar ${sidebarWidth}px`);
    // Per-rule trends: one chart per rule that found most, each with a text alternative.
    const ruleCharts = dash.locator('figure[data-testid^="chart-rule-"]');
    assert.ok((await ruleCharts.count()) >= 3, `rule trends drawn: ${await ruleCharts.count()}`);
    const firstRule = (await ruleCharts.first().getAttribute('data-testid')) ?? '';
    assert.ok((await paintedPixels(dash, firstRule)) > 200, `${firstRule} painted`);
    assert.match((await ruleCharts.first().getAttribute('aria-label')) ?? '', /latest/);
    await s.screenshot('dashboard');

    // Click the findings chart near its right end: that period's edits are listed.
    const over = dash.locator('figure[data-testid="chart-findings"] .u-over');
    await over.scrollIntoViewIfNeeded();
    const box = await over.boundingBox();
    assert.ok(box, 'the chart has a plot area');
    // uPlot snaps its cursor to the nearest period on mouse move; the click then picks that period.
    await s.page.mouse.move(box.x + box.width * 0.85, box.y + box.height / 2);
    await s.page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 3 });
    await s.page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
    const list = dash.getByTestId('period-edits');
    await list.waitFor({ state: 'visible', timeout: 20_000 });
    const period = (await dash.locator('[data-period]').getAttribute('data-period')) ?? '';
    assert.match(period, /^\d{4}-\d{2}-\d{2}$/);
    const rows = dash.getByTestId('period-edit');
    assert.ok((await rows.count()) > 0, `edits listed for ${period}`);
    assert.match((await dash.getByTestId('period-edits-note').textContent()) ?? '', /edit/);
    await s.screenshot('dashboard-period-edits');
    // The keyboard path lists the same period.
    await dash.getByTestId('period-select').selectOption(period);
    await dash.locator(`[data-period="${period}"]`).waitFor({ state: 'attached', timeout: 15_000 });

    // An edit of the period opens its file at the region.
    const fileAndLine = (await rows.first().locator('.recent-file').textContent())?.trim() ?? '';
    const [, file, line] = /^(.+):(\d+)$/.exec(fileAndLine) ?? [];
    assert.ok(file && line, `row names a file and line: ${fileAndLine}`);
    await rows.first().click();
    await s.page.locator('.tabs-container .tab.active', { hasText: file.split('/').pop()! }).waitFor({ timeout: 15_000 });
    await s.page.locator('.statusbar-item[id="status.editor.selection"]').filter({ hasText: new RegExp(`Ln ${line},`) }).waitFor({ timeout: 10_000 });

    // Reload the window as a user does (the workbench's own command, which saves the editor state first; a bare page
    // reload can race the browser workbench's state flush): VS Code restores the dashboard tab through the serializer.
    await s.runCommand('Developer: Reload Window');
    const tab = s.page.locator('.tabs-container .tab', { hasText: 'Driftwatch Dashboard' });
    await tab.waitFor({ timeout: 60_000 });
    await tab.click();
    const restored = await s.dashboardFrame(60_000);
    await restored.locator('body[data-surface="dashboard"][data-driftwatch="ready"]').waitFor({ state: 'attached', timeout: 60_000 });
    await restored.locator('main[aria-busy="false"]').waitFor({ state: 'attached', timeout: 30_000 });
    assert.ok((await paintedPixels(restored, 'chart-score')) > 500, 'the restored dashboard draws its charts');
    assert.match(await s.driftwatchLog(), /dashboard restored after reload/);
    await s.screenshot('dashboard-restored');
  }

  it('rejects and logs hostile messages posted into the webview', async () => {
    await s.openDriftwatchView();
    await waitReady();
    const frame = view().locator('body');
    await frame.evaluate(() => {
      const window = globalThis as unknown as { postMessage(message: unknown, origin: string): void };
      window.postMessage({ type: 'data', id: 'r1', data: { headline: '<img src=x onerror=alert(1)>' } }, '*');
      window.postMessage({ type: 'openResult', id: 42 }, '*');
      window.postMessage('not even an object', '*');
    });
    await view().locator('body[data-rejected-messages="3"]').waitFor({ state: 'attached', timeout: 10_000 });
    assert.equal(await view().locator('img').count(), 0, 'nothing from the hostile message was rendered');
    const deadline = Date.now() + 15_000;
    let log = '';
    while (Date.now() < deadline && !(log = await s.driftwatchLog()).includes('webview rejected a message from the host')) await new Promise((r) => setTimeout(r, 250));
    assert.match(log, /webview rejected a message from the host \(data: /);
  });

  // Last in this suite: the evidence flow it starts (when that command is in the build) may open its own UI.
  it('offers "Prepare Drift Report…" on the alert, which starts the report for that assistant', async () => {
    await s.openDriftwatchView();
    const alert = view().getByTestId('drift-alert');
    await alert.first().waitFor({ state: 'visible', timeout: 45_000 });
    const button = alert.getByTestId('drift-report');
    assert.equal((await button.textContent())?.trim(), 'Prepare Drift Report…');
    await button.click();
    const deadline = Date.now() + 15_000;
    let log = '';
    while (Date.now() < deadline && !(log = await s.driftwatchLog()).includes('panel: preparing a drift report for claude-code')) await new Promise((r) => setTimeout(r, 250));
    assert.match(log, /panel: preparing a drift report for claude-code/);
    await s.screenshot('drift-prepare-report');
    await s.page.keyboard.press('Escape');
  });
});

describe('quality panel with an empty store (browser)', function () {
  this.timeout(90_000);
  // VS Code's own switch for extension walkthroughs, off in every other suite.
  const s = useSession({ helpers: false, settings: { 'workbench.welcomePage.walkthroughs.openOnInstall': true, 'driftwatch.welcome.onFirstStart': true } });

  it('opens on first start by itself: the Driftwatch view and its walkthrough, whose steps work', async () => {
    // Nothing is clicked: the side bar shows Driftwatch and the walkthrough is open in the editor.
    await s.page.locator('.part.sidebar .composite.title h2', { hasText: /driftwatch/i }).waitFor({ timeout: 30_000 });
    const walkthrough = s.page.locator('.part.editor .gettingStartedContainer');
    await walkthrough.getByText('Get started with Driftwatch').first().waitFor({ state: 'visible', timeout: 30_000 });
    for (const step of ['Let your assistant write something', 'Connect agents that write files', 'Read the trend', 'When an assistant drifts', 'Export your data']) {
      assert.ok((await walkthrough.getByText(step).count()) > 0, `walkthrough step "${step}"`);
    }
    await s.webview().getByTestId('empty-state').waitFor({ state: 'visible', timeout: 45_000 });
    assert.match(await s.driftwatchLog(), /first start with an empty store: opening the Driftwatch view and walkthrough/);
    await s.screenshot('first-start');
    // A step's button runs its command: "Read the trend" → "Open the dashboard".
    await walkthrough.getByText('Read the trend').first().click();
    await walkthrough.getByRole('button', { name: 'Open the dashboard' }).click();
    await s.page.locator('.tabs-container .tab.active', { hasText: 'Driftwatch Dashboard' }).waitFor({ timeout: 15_000 });
    await (await s.dashboardFrame()).getByTestId('empty-state').waitFor({ state: 'visible', timeout: 45_000 });
    await s.screenshot('first-start-dashboard');
    await s.runCommand('View: Close All Editors');
  });

  it('explains what the panel will show instead of empty charts', async () => {
    await s.openDriftwatchView();
    const view = s.webview();
    await view.locator('body[data-driftwatch="empty"]').waitFor({ state: 'attached', timeout: 45_000 });
    await view.getByTestId('empty-state').waitFor({ state: 'visible' });
    assert.match((await view.getByTestId('empty-state').textContent()) ?? '', /No assistant edits recorded yet/);
    assert.equal(await view.locator('canvas').count(), 0, 'no empty charts are drawn');
    await s.screenshot('panel-empty-state');
    // Its link opens the walkthrough again.
    await view.getByTestId('empty-walkthrough').click();
    await s.page.locator('.part.editor .gettingStartedContainer').getByText('Get started with Driftwatch').first().waitFor({ state: 'visible', timeout: 15_000 });
  });
});
