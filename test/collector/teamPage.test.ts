/**
 * The team page in real Chromium (Debian's, through playwright-core) against a collector holding 60 simulated days
 * for 8 members with a planted drift in one assistant: the charts draw, the drift shows as exactly one alert, the
 * CSP holds (no console errors, no request leaves the origin). Screenshots go to test-results/collector/.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/lib/browser.mjs';
import { loadTeamPage } from '../../src/node/collector/teamPage.js';
import { PG_URL, startCollector, TEAMS, uploadSimulation, type Running } from './collectorHarness.js';

const SHOTS = path.join('test-results', 'collector');
const UNTIL = '2026-06-29';

describe('team page in Chromium', function () {
  let c: Running;
  let browser: Browser;
  before(async () => {
    c = await startCollector(PG_URL ? 'postgres' : 'pglite', UNTIL, await loadTeamPage());
    const sim = { teamId: TEAMS.a.id, members: 8, days: 60, until: UNTIL, driftAssistant: 'cursor', driftDays: 7 };
    await uploadSimulation(c.url, sim, 'protobuf');
    browser = await chromium.launch({ executablePath: process.env.DRIFTWATCH_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    await mkdir(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await c?.close();
  });

  it('draws the pooled charts and shows the planted drift as exactly one alert, under a strict CSP', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    let seriesRequests = 0;
    page.on('request', (r) => !r.url().startsWith(c.url) && foreign.push(r.url()));
    page.on('request', (r) => /\/driftwatch\/v1\/(series|alerts)/.test(r.url()) && seriesRequests++);
    const res = await page.goto(`${c.url}/`);
    assert.match(res!.headers()['content-security-policy'] ?? '', /default-src 'none'; script-src 'self'/);
    await page.fill('[data-testid=token]', 'wrong-token-0123456789');
    await page.click('[data-testid=load]');
    await page.waitForFunction(`/not valid/.test(document.querySelector('[data-testid=status]')?.textContent ?? '')`);
    await page.fill('[data-testid=token]', TEAMS.a.token);
    await page.click('[data-testid=load]');
    await page.waitForSelector('[data-testid=charts][data-drawn="7"]', { timeout: 30_000 });
    assert.equal(await page.locator('[data-testid=charts] canvas').count(), 7);
    await page.waitForSelector('[data-testid=alerts][data-state=done]', { timeout: 60_000 });
    const alerts = await page.locator('[data-testid=alert]').allTextContents();
    assert.equal(alerts.length, 1, alerts.join(' | '));
    assert.match(alerts[0]!, /cursor's code .* since 0\.48\.2/);
    // "Alerts from survival only": the alerts alone are asked again (no new series request), with survival leading.
    const seriesBefore = seriesRequests;
    await page.selectOption('[data-testid=watch]', 'survival');
    await page.waitForSelector('[data-testid=alerts][data-watch=survival][data-state=done]', { timeout: 60_000 });
    const survivalAlerts = await page.locator('[data-testid=alert]').allTextContents();
    assert.equal(survivalAlerts.length, 1, survivalAlerts.join(' | '));
    assert.match(survivalAlerts[0]!, /^Less of cursor's code survives 5 minutes unchanged since 0\.48\.2/);
    assert.equal(seriesRequests, seriesBefore + 1, 'one request: the alerts');
    await page.selectOption('[data-testid=watch]', 'all');
    await page.waitForSelector('[data-testid=alerts][data-watch=all][data-state=done]', { timeout: 60_000 });
    const labels = await page.locator('[data-testid=charts] figure').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    assert.ok(labels[0]!.startsWith('Pooled score, 90 periods from 2026-04-01 to 2026-06-29'), labels[0]);
    // The canvas holds drawn pixels, not a blank surface.
    const inked = await page.evaluate<number>(`(() => {
      const canvas = document.querySelector('[data-testid=charts] canvas');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    })()`);
    assert.ok(inked > 1000, `only ${inked} drawn pixels`);
    await page.screenshot({ path: path.join(SHOTS, 'team-page.png'), fullPage: true });
    // Members per day: a count of the simulated members, every day.
    const members = await page.locator('[data-testid=chart-members]').getAttribute('aria-label');
    assert.match(members ?? '', /latest 8 \(2026-06-29\), lowest 8, highest 8 members/, members ?? '');
    // ARC at 5 minutes, pooled from the members' character counts: the drifted assistant keeps visibly less.
    const arc = (await page.locator('[data-testid=chart-arc]').getAttribute('aria-label')) ?? '';
    assert.ok(arc.startsWith('ARC at 5 minutes (characters kept), 90 periods from 2026-04-01 to 2026-06-29'), arc);
    const [, low, high] = /lowest (\d+)%, highest (\d+)% percent/.exec(arc) ?? [];
    assert.ok(Number(low) >= 55 && Number(high) <= 90 && Number(low) < Number(high), `simulated members keep 60–80 % of the characters: ${arc}`);
    // The same data, one line per assistant version and per model (no new request: the page regroups what it has).
    const legend = async (): Promise<string[]> => (await page.locator('[data-testid=chart-score] .u-legend .u-series .u-label').allTextContents()).filter((l) => l !== 'Time');
    assert.deepEqual((await legend()).sort(), ['claude-code', 'copilot', 'cursor']);
    const requestsBefore = seriesRequests;
    await page.selectOption('[data-testid=breakdown]', 'version');
    await page.waitForSelector('[data-testid=charts][data-breakdown=version][data-drawn="7"]');
    assert.deepEqual((await legend()).sort(), ['claude-code 1.0.30', 'copilot 1.250.0', 'cursor 0.48.1', 'cursor 0.48.2']);
    await page.screenshot({ path: path.join(SHOTS, 'team-page-by-version.png'), fullPage: true });
    await page.selectOption('[data-testid=breakdown]', 'model');
    await page.waitForSelector('[data-testid=charts][data-breakdown=model][data-drawn="7"]');
    assert.deepEqual((await legend()).sort(), ['claude-sonnet-4', 'gpt-4.1']);
    await page.screenshot({ path: path.join(SHOTS, 'team-page-by-model.png'), fullPage: true });
    assert.equal(seriesRequests, requestsBefore);
    assert.equal(await page.locator('[data-testid=alert]').count(), 1, 'the alert stays one whatever the breakdown');
    // The wrong token's 401 is the one expected console error.
    assert.deepEqual(problems.filter((p) => !/status of 401/.test(p)), []);
    assert.deepEqual(foreign, []);
    await page.close();
  });
});
