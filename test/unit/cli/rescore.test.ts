import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ALL_RULES } from '../../../src/core/lint/registry.js';
import { ruleSetId } from '../../../src/core/lint/ruleSet.js';
import { EventStore } from '../../../src/core/store/eventStore.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';
import { rescoreHistory } from '../../support/rescoreHistory.js';
import { runCli } from '../../support/runCli.js';

describe('driftwatch CLI: rescore', () => {
  let dir: string;
  const start = Date.UTC(2026, 10, 1);
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-cli-rescore-'));
    const store = await EventStore.open(new JsonlBackend(dir), { refreshIntervalMs: 0 });
    // 10 days of the same code; the first 6 scored by the rules of an earlier release, which found nothing in it.
    store.append(rescoreHistory({ start, days: 10, editsPerDay: 5, changeDay: 6, oldRuleSet: '0.0badc0de', currentRuleSet: ruleSetId(ALL_RULES), withText: true, tz: 0 }));
    await store.dispose();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const findingsSeries = async (): Promise<(number | null)[]> => {
    const r = await runCli(['report', '--store', dir, '--today', '2026-11-10', '--range', 'all', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const panel = (JSON.parse(r.out) as { panel: { series: { findingsPer100: (number | null)[]; buckets: string[] } } }).panel;
    return panel.series.findingsPer100.filter((_v, i) => panel.series.buckets[i]! >= '2026-11-01');
  };

  it('re-scores the old days (progress on stderr, summary on stdout), after which the trend is flat; a second run does nothing', async () => {
    const before = await findingsSeries();
    assert.deepEqual(before.slice(0, 6), [0, 0, 0, 0, 0, 0]);
    const dry = await runCli(['rescore', '--store', dir, '--dry-run']);
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /^6 day\(s\) to re-score under rules \d+\.[0-9a-f]{8} \(2026-11-01 … 2026-11-06\)/);

    const r = await runCli(['rescore', '--store', dir]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /re-scoring: 0\/6 days/);
    assert.match(r.err, /re-scoring: 6\/6 days, 30 edits/);
    assert.match(r.out, /^Re-scored 30 edit\(s\) over 6 day\(s\) under rules \d+\.[0-9a-f]{8}; 0 kept their old scores/);
    const after = await findingsSeries();
    assert.deepEqual(after, new Array(10).fill(before[9]), 'same code, same rules, same number every day');

    const again = await runCli(['rescore', '--store', dir, '--format', 'json']);
    assert.equal(again.code, 0, again.err);
    const summary = JSON.parse(again.out) as { edits: number; rescored: number; days: number };
    assert.deepEqual([summary.days, summary.edits, summary.rescored], [0, 0, 0]);
  });

  it('answers bad usage with exit 2 and a missing store with exit 1', async () => {
    const usage = await runCli(['rescore', '--store', dir, '--format', 'xml']);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /--format must be text or json/);
    const missing = await runCli(['rescore', '--store', path.join(dir, 'nope')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /is not a Driftwatch store/);
  });
});
