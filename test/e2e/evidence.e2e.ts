/**
 * "Prepare Drift Report…" E2E: a real code-server and Chromium, a store seeded with a 60-day history where
 * claude-code's findings per line double after it updates to 1.0.31, plus canary edits whose path, code and finding
 * message must never reach a report unless the user includes that example's code. The user runs the command from the
 * palette, picks the assistant, reviews the candidate examples in the editor tab, ticks some, chooses a folder in
 * VS Code's own folder dialog, and opens the written Markdown.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import type { EvidenceBundle } from '../../src/core/evidence/evidenceBundle.js';
import { dayOf } from '../../src/core/time/day.js';
import { CANARY, CANARY_IDS, evidenceHistory, SURGING_RULE } from '../support/evidenceHistory.js';
import { useSession } from './session.js';

describe('prepare drift report (browser)', function () {
  this.timeout(120_000);
  const tz = -new Date().getTimezoneOffset();
  const endTs = Date.now();
  const records = evidenceHistory({ endTs, tz, hours: [0, 24] });
  const paths = [...new Set(records.flatMap((r) => (r.kind === 'assistant-edit' ? [r.file] : [])))];
  const s = useSession({ seed: () => records, viewport: { width: 1500, height: 1000 } });
  const today = dayOf(endTs, tz);

  /** The review page: Driftwatch's webview that is an editor tab (not the sidebar view). */
  const review = (): FrameLocator => s.page.frameLocator('iframe.webview.ready[src*="extensionId=driftwatch.driftwatch"]:not([src*="purpose=webviewView"])').frameLocator('#active-frame');

  async function openReview(): Promise<void> {
    // The palette, as a user would; the command then asks for the assistant in a second quick pick.
    const input = s.page.locator('.quick-input-widget .quick-input-box input');
    await s.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('>Driftwatch: Prepare Drift Report');
    await s.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Prepare Drift Report…' }).first().click();
    const row = s.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'claude-code' }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    // The drifted assistant comes first, with its alert's plain headline.
    const first = (await s.page.locator('.quick-input-widget .monaco-list-row').first().textContent()) ?? '';
    assert.match(first, /claude-code.*claude-code's code has \d+(\.\d)?× more findings per line since 1\.0\.31/);
    await row.click();
    await review().locator('body[data-driftwatch="ready"]').waitFor({ state: 'attached', timeout: 45_000 });
  }

  /** Answers VS Code's folder dialog (the simple, in-workbench one code-server uses) with `folder`. */
  async function chooseFolder(folder: string): Promise<void> {
    const input = s.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    const wanted = folder.endsWith('/') ? folder : `${folder}/`;
    // The dialog fills in its start folder once it has loaded it, which would overwrite a path typed earlier.
    await s.page.locator('.quick-input-widget .monaco-list-row', { hasText: '..' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    for (let i = 0; i < 20 && (await input.inputValue()) !== wanted; i++) {
      await input.fill(wanted);
      await new Promise((r) => setTimeout(r, 250));
    }
    // The dialog lists the folder's content once it has navigated there; then its OK button accepts it.
    await s.page.locator('.quick-input-widget .quick-input-action .monaco-button', { hasText: 'Write Report Here' }).click();
  }

  async function readBundle(folder: string): Promise<{ dir: string; text: string; json: EvidenceBundle; md: string; files: string[] }> {
    const dir = path.join(folder, `driftwatch-evidence-claude-code-${today}`);
    const files = (await readdir(dir, { recursive: true, encoding: 'utf8' })).filter((f) => /\.(md|json|svg)$/.test(f)).sort();
    const text = (await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))).join('\n');
    return { dir, text, files, json: JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as EvidenceBundle, md: await readFile(path.join(dir, 'report.md'), 'utf8') };
  }

  /** Clicks "Write Report…", chooses a new workspace folder `name` in the dialog, waits until written, reads it. */
  async function writeReport(name: string): ReturnType<typeof readBundle> {
    const folder = path.join(s.workspace, name);
    await mkdir(folder);
    await review().getByTestId('write-report').click();
    await chooseFolder(folder);
    await review().locator('[data-testid="write-status"][data-state="written"]').waitFor({ timeout: 30_000 });
    return readBundle(folder);
  }

  function assertNoLeaks(text: string, allowedCode: readonly string[] = []): void {
    for (const canary of [...Object.values(CANARY), ...CANARY_IDS]) assert.ok(!text.includes(canary), `${canary} must not appear in the report`);
    for (const p of paths) assert.ok(!text.includes(p), `path ${p} must not appear in the report`);
    for (const c of allowedCode) assert.ok(text.includes(c.trimEnd()), 'the example whose code was included shows it');
  }

  it('writes a report without examples: statistics, rules and charts, then opens the Markdown', async () => {
    await openReview();
    const headline = (await review().getByTestId('report-headline').textContent()) ?? '';
    assert.match(headline, /^claude-code's code has \d+(\.\d)?× more findings per line since 1\.0\.31\. Compared like with like: same language and edit size\.$/);
    assert.match((await review().getByTestId('report-metrics').textContent()) ?? '', /findings\/100 lines.*rate ratio [\d.]+× \(95% CI [\d.]+–[\d.]+\)worse/);
    assert.match((await review().getByTestId('report-rules').locator('li').first().textContent()) ?? '', new RegExp(SURGING_RULE.replace(/\./g, '\\.')));
    assert.ok((await review().getByTestId('candidate').count()) >= 10, 'candidate examples are offered');
    assert.equal(await review().locator('input[data-testid="example-tick"]:checked').count(), 0, 'no example is ticked at first');
    assert.match((await review().getByTestId('selection-summary').textContent()) ?? '', /No examples selected/);
    await s.screenshot('drift-report-review');
    const violation = await review().locator('body').getAttribute('data-csp-last-violation');
    assert.equal(await review().locator('body').getAttribute('data-csp-violations'), null, `the review page runs under its CSP without violations (last: ${violation})`);
    const b = await writeReport('reports-plain');
    assert.equal(b.files.filter((f) => f.startsWith('rules/')).length, b.json.rules.length, 'each rule\'s documentation page is in the bundle');
    assert.deepEqual(b.files.filter((f) => !f.startsWith('rules/')), ['charts/acceptance.svg', 'charts/findings-per-100-lines.svg', 'charts/follow-up-fix-rate.svg', 'charts/score.svg', 'charts/survival-5min.svg', 'report.json', 'report.md']);
    assert.equal(b.json.examples.length, 0);
    assert.equal(b.json.metrics[0]!.metric, 'findings');
    assert.ok(b.json.metrics[0]!.significant && b.json.metrics[0]!.effect.ci[0] > 1);
    assert.match(b.md, /The reporter included no example edits\./);
    assertNoLeaks(b.text);
    await s.screenshot('drift-report-written');
    await review().getByTestId('open-report').click();
    await s.page.locator('.tabs-container .tab', { hasText: 'Preview report.md' }).waitFor({ state: 'visible', timeout: 30_000 });
    // The preview renders the report with its SVG charts (the images load from the bundle folder).
    const preview = s.page.frameLocator('iframe.webview.ready[src*="extensionId=vscode.markdown-language-features"]').frameLocator('#active-frame');
    await preview.locator('h1', { hasText: 'Quality drift report: claude-code' }).waitFor({ timeout: 30_000 });
    const chart = preview.locator('img[src*="findings-per-100-lines.svg"]');
    await chart.scrollIntoViewIfNeeded();
    const loaded = async (): Promise<number> => chart.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth);
    for (let i = 0; i < 50 && (await loaded()) === 0; i++) await new Promise((r) => setTimeout(r, 200));
    assert.equal(await loaded(), 720, 'the findings chart loads in the preview');
    await s.screenshot('drift-report-markdown-preview');
  });

  it('writes only the ticked examples, with code only where the user included it', async () => {
    // The previous test leaves its review and the Markdown preview open: start from a clean editor area, so the review
    // located below is this run's and not a webview of the last one being disposed.
    await s.runCommand('View: Close All Editors');
    await openReview();
    const card = (id: string) => review().locator(`li[data-testid="candidate"][data-edit-id="${id}"]`);
    // The user sees each example's code before deciding (the canary's code is on screen, not in the report).
    assert.match((await card(CANARY_IDS[0]).getByTestId('example-code').textContent()) ?? '', new RegExp(CANARY.code));
    assert.equal(await card(CANARY_IDS[0]).getByTestId('example-include-code').isDisabled(), true, '"Include code" needs the example ticked first');
    assert.equal((await card(CANARY_IDS[0]).getByTestId('code-badge').textContent())?.trim(), 'not in the report');
    await card(CANARY_IDS[0]).getByTestId('example-tick').check();
    assert.equal((await card(CANARY_IDS[0]).getByTestId('code-badge').textContent())?.trim(), 'in the report, code left out');
    // Another example, with its code.
    const otherCard = review().locator(`li[data-testid="candidate"]:not([data-edit-id^="canary-"])`).filter({ has: review().getByTestId('example-code') }).first();
    const otherCode = (await otherCard.getByTestId('example-code').textContent()) ?? '';
    await otherCard.getByTestId('example-tick').check();
    await otherCard.getByTestId('example-include-code').check();
    assert.equal((await otherCard.getByTestId('code-badge').textContent())?.trim(), 'in the report with its code');
    assert.match((await review().getByTestId('selection-summary').textContent()) ?? '', /^2 example\(s\) selected, 1 with code\.$/);
    await s.screenshot('drift-report-examples-ticked');
    const folder = path.join(s.workspace, 'reports-examples');
    const b = await writeReport('reports-examples');
    assert.equal(b.json.examples.length, 2);
    assert.deepEqual(b.json.examples.map((e) => e.codeIncluded).sort(), [false, true]);
    assert.equal((b.md.match(/_Code not included by the reporter\._/g) ?? []).length, 1);
    assertNoLeaks(b.text, [otherCode]);
    assert.ok(!existsSync(path.join(folder, `driftwatch-evidence-claude-code-${today}-2`)), 'one folder per report');
  });
});
