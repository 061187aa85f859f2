import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateDemoHistory } from '../../../src/core/demo/demoHistory.js';
import { EventStore } from '../../../src/core/store/eventStore.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';
import { runCli } from '../../support/runCli.js';


describe('driftwatch CLI: report', () => {
  let dir: string;
  const endTs = Date.UTC(2026, 10, 27, 17);
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-report-'));
    const store = await EventStore.open(new JsonlBackend(dir));
    const records = [...generateDemoHistory({ days: 60, endTs, detail: 'lean', drift: { assistant: 'claude-code', daysAgo: 6, toVersion: '1.0.31', factor: 3 } })];
    for (let i = 0; i < records.length; i += 5000) store.append(records.slice(i, i + 5000));
    await store.dispose();
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the headline, breakdowns and exactly the planted drift', async () => {
    const r = await runCli(['report', '--store', dir, '--today', '2026-11-27', '--range', '30d']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Today's score \d+\.\d/);
    for (const a of ['copilot', 'claude-code']) assert.match(r.out, new RegExp(`^${a}\\s+\\d+`, 'm'));
    const drift = r.out.slice(r.out.indexOf('Drift ('));
    assert.match(drift, /claude-code's code has \d+\.\d× more findings per line since 1\.0\.31 \(began around \d{4}-\d{2}-\d{2}\)\. Compared like with like: same language and edit size\./);
    assert.doesNotMatch(drift, /copilot/);
    assert.match(drift, /findings: [\d.]+ → [\d.]+ {2}rate-ratio [\d.]+ \[[\d.]+, [\d.]+\] {2}conditional-poisson-scan p=/);
    assert.match(drift, /changed \d{4}-\d{2}-\d{2}: version .* → 1\.0\.31/);
  });

  it('emits the same numbers as JSON', async () => {
    const r = await runCli(['report', '--store', dir, '--today', '2026-11-27', '--format', 'json']);
    assert.equal(r.code, 0);
    const json = JSON.parse(r.out) as { panel: { hasData: boolean; breakdowns: { assistant: { key: string }[] } }; drift: { alerts: { assistant: string }[] } };
    assert.ok(json.panel.hasData);
    assert.deepEqual(json.drift.alerts.map((a) => a.assistant), ['claude-code']);
  });

  it('--watch narrows which metrics may alert and says so: the findings drift alerts under findings, not under survival', async () => {
    const findings = await runCli(['report', '--store', dir, '--today', '2026-11-27', '--watch', 'findings']);
    assert.equal(findings.code, 0, findings.err);
    const drift = findings.out.slice(findings.out.indexOf('Drift ('));
    assert.match(drift, /Only findings\/100 lines may alert \(setting driftwatch\.drift\.watch\)/);
    assert.match(drift, /claude-code's code has \d+\.\d× more findings per line/);
    const survival = await runCli(['report', '--store', dir, '--today', '2026-11-27', '--watch', 'survival', '--format', 'json']);
    const json = JSON.parse(survival.out) as { drift: { watched: string[]; alerts: { metrics: { metric: string }[] }[]; tests: { metric: string }[] } };
    assert.deepEqual(json.drift.watched, ['survival5m']);
    assert.ok(json.drift.tests.some((t) => t.metric === 'findings'), 'findings is still tested and reported');
    for (const a of json.drift.alerts) assert.deepEqual([...new Set(a.metrics.map((m) => m.metric))], ['survival5m']);
    assert.equal((await runCli(['report', '--store', dir, '--watch', 'everything'])).code, 2);
  });

  it('rejects bad options with exit code 2', async () => {
    assert.equal((await runCli(['report', '--store', dir, '--range', '5y'])).code, 2);
    assert.equal((await runCli(['report', '--store', dir, '--min-samples', '0'])).code, 2);
    assert.equal((await runCli(['report', '--store', dir, '--today', 'yesterday'])).code, 2);
  });
});
