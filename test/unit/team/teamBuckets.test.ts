import assert from 'node:assert/strict';
import { addBucket, emptyMetrics, metricValues } from '../../../src/core/panel/metrics.js';
import type { DriftEvent } from '../../../src/core/schema/events.js';
import { applyToRollups, type DailyRollup } from '../../../src/core/store/rollup.js';
import { scoreBoundsIndex } from '../../../src/core/team/scoreBounds.js';
import { buildTeamDay, effectiveK, wireLabel } from '../../../src/core/team/teamBuckets.js';
import { MIN_K, TeamBucket } from '../../../src/core/team/teamWire.js';
import { versionedBuckets } from '../../../src/core/team/versionedRollup.js';
import { cellInputs, stamped } from '../../support/teamFixtures.js';

const DAY = '2026-11-20';
const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);
const INSTALL = 'ab'.repeat(16);
const opts = { day: DAY, installId: INSTALL, teamId: 'team-a' };

function records(...specs: Parameters<typeof cellInputs>[0][]): DriftEvent[] {
  return stamped(specs.flatMap((s) => cellInputs(s)));
}

const cellName = (b: TeamBucket): string => `${b.assistant}|${b.assistantVersion}|${b.model}|${b.language}`;

describe('team buckets: k-anonymity', () => {
  it('publishes a cell with k edits and suppresses one with k − 1', async () => {
    const recs = records({ edits: MIN_K, start: T0, assistantVersion: '1.0.0' }, { edits: MIN_K - 1, start: T0, assistant: 'cursor', assistantVersion: '0.9' });
    const day = await buildTeamDay(versionedBuckets(recs, DAY), opts);
    assert.deepEqual(day.buckets.map(cellName), ['copilot|1.0.0||python']);
    assert.equal(day.suppressed.belowK, 1);
    assert.equal(day.suppressed.editsBelowK, MIN_K - 1);
  });

  it('suppresses only the small cell when one dimension (language) is small, and no value includes it', async () => {
    const recs = records({ edits: 30, start: T0, assistantVersion: '1.0.0' }, { edits: 2, start: T0 + 3_600_000, assistantVersion: '1.0.0', language: 'rust' });
    const day = await buildTeamDay(versionedBuckets(recs, DAY), opts);
    assert.deepEqual(day.buckets.map(cellName), ['copilot|1.0.0||python']);
    const b = day.buckets[0]!;
    // Every count is the big cell's alone: the 2 rust edits are in no total.
    assert.equal(b.edits, 30);
    assert.equal(b.linesAdded, 90);
    assert.equal(b.accepted + b.modified + b.rejected + b.deleted, 30);
    assert.equal(b.scoreCount, 30);
  });

  it('suppresses a fresh assistant version with few edits even though the assistant has many', async () => {
    const recs = records({ edits: 12, start: T0, assistantVersion: '1.0.0' }, { edits: 3, start: T0 + 7_200_000, assistantVersion: '1.1.0' });
    const day = await buildTeamDay(versionedBuckets(recs, DAY), opts);
    assert.deepEqual(day.buckets.map(cellName), ['copilot|1.0.0||python']);
    assert.equal(day.buckets[0]!.edits, 12);
  });

  it('suppresses a rare model of an otherwise busy assistant', async () => {
    const recs = records({ edits: 9, start: T0, model: 'gpt-4o', assistantVersion: '2' }, { edits: 1, start: T0, model: 'o3', assistantVersion: '2' });
    const day = await buildTeamDay(versionedBuckets(recs, DAY), opts);
    assert.deepEqual(day.buckets.map(cellName), ['copilot|2|gpt-4o|python']);
  });

  it('lets k be raised but never lowered below MIN_K', async () => {
    assert.equal(effectiveK(1), MIN_K);
    assert.equal(effectiveK(undefined), MIN_K);
    assert.equal(effectiveK(Number.NaN), MIN_K);
    assert.equal(effectiveK(12.7), 12);
    const recs = records({ edits: 6, start: T0, assistantVersion: '1' });
    assert.equal((await buildTeamDay(versionedBuckets(recs, DAY), { ...opts, k: 2 })).buckets.length, 1);
    assert.equal((await buildTeamDay(versionedBuckets(recs, DAY), { ...opts, k: 7 })).buckets.length, 0);
    const tiny = records({ edits: 4, start: T0, assistantVersion: '1' });
    assert.equal((await buildTeamDay(versionedBuckets(tiny, DAY), { ...opts, k: 1 })).buckets.length, 0);
  });
});

describe('team buckets: contents', () => {
  it('carries the same counters the panel computes for that cell, split by rule family', async () => {
    const recs = records({ edits: 20, start: T0, assistantVersion: '1.0.0', model: 'gpt-4o' });
    const [b] = (await buildTeamDay(versionedBuckets(recs, DAY), opts)).buckets;
    assert.ok(b);
    assert.ok(TeamBucket.safeParse(b).success);
    // The panel's view of the same records.
    const rollups = new Map<string, DailyRollup>();
    for (const r of recs) applyToRollups(rollups, r);
    const acc = emptyMetrics();
    for (const bucket of Object.values(rollups.get(DAY)!.buckets)) addBucket(acc, bucket);
    const v = metricValues(acc);
    assert.equal(b.edits, acc.edits);
    assert.equal(Math.round(((b.accepted + b.modified) / (b.accepted + b.modified + b.rejected + b.deleted)) * 1e4) / 1e4, v.acceptance);
    assert.equal(Math.round((b.survivalUnchanged / b.survivalChecked) * 1e4) / 1e4, v.survival5m);
    assert.equal(Math.round((b.editsFixed / b.edits) * 1e4) / 1e4, v.fixRate);
    // ARC at 5 minutes: the panel's own characters, 20 edits measured (7 of them kept 20 of 56 characters).
    assert.deepEqual([b.arcEdits, b.arcAccepted, b.arcRetained], [20, 20 * 56, 13 * 56 + 7 * 20]);
    assert.equal(Math.round((b.arcRetained / b.arcAccepted) * 1e4) / 1e4, v.arc5m);
    assert.equal(b.findings.loop + b.findings.oop, acc.findings);
    assert.deepEqual(b.findings, { loop: 5, oop: 5 });
    assert.equal(b.scoreSum / b.scoreCount, acc.scoreSum / acc.scoreN);
    assert.equal(b.scoreHistogram.reduce((x, y) => x + y, 0), 20);
    assert.equal(b.installId, INSTALL);
    assert.equal(b.teamId, 'team-a');
    assert.match(b.idempotencyKey, /^[0-9a-f]{64}$/);
  });

  it('bins scores by the upper-inclusive SCORE_BOUNDS', async () => {
    assert.equal(scoreBoundsIndex(0), 0);
    assert.equal(scoreBoundsIndex(5), 0);
    assert.equal(scoreBoundsIndex(5.01), 1);
    assert.equal(scoreBoundsIndex(99.5), 19);
    assert.equal(scoreBoundsIndex(100), 19);
    const scores = [0, 5, 5.5, 50, 100];
    const recs = records({ edits: 5, start: T0, assistantVersion: '1', score: (i) => scores[i]! });
    const [b] = (await buildTeamDay(versionedBuckets(recs, DAY), opts)).buckets;
    const expected = new Array<number>(21).fill(0);
    expected[0] = 2;
    expected[1] = 1;
    expected[9] = 1;
    expected[19] = 1;
    assert.deepEqual(b!.scoreHistogram, expected);
  });

  it('attributes outcome, survival and score records to the version of their edit', async () => {
    const recs = records({ edits: 5, start: T0, assistantVersion: '1.0.0' }, { edits: 5, start: T0 + 3_600_000, assistantVersion: '1.1.0' });
    const day = await buildTeamDay(versionedBuckets(recs, DAY), opts);
    assert.deepEqual(day.buckets.map(cellName).sort(), ['copilot|1.0.0||python', 'copilot|1.1.0||python']);
    for (const b of day.buckets) {
      assert.equal(b.edits, 5);
      assert.equal(b.scoreCount, 5);
      assert.equal(b.survivalChecked, 5);
      assert.equal(b.accepted + b.modified + b.rejected + b.deleted, 5);
    }
  });

  it('takes the version from the day’s assistant-version markers when the edit names none', async () => {
    const recs = records({ edits: 5, start: T0 + 60_000 }, { edits: 5, start: T0 - 3_600_000 });
    recs.push({ schema: 1, id: 'mk1', ts: T0, tz: 0, kind: 'assistant-version', assistant: 'copilot', version: '3.0.0', previousVersion: '2.9.0' } as DriftEvent);
    const day = await buildTeamDay(versionedBuckets(recs, DAY), opts);
    assert.deepEqual(day.buckets.map(cellName).sort(), ['copilot|2.9.0||python', 'copilot|3.0.0||python']);
  });

  it('counts late records of the previous day under that day and ignores other days', async () => {
    const lateEdit = records({ edits: 5, start: Date.UTC(2026, 10, 20, 23, 50, 0), assistantVersion: '1' });
    const nextDay = records({ edits: 7, start: Date.UTC(2026, 10, 21, 10, 0, 0), assistantVersion: '1' });
    const day = await buildTeamDay(versionedBuckets([...lateEdit, ...nextDay], DAY), opts);
    assert.equal(day.buckets.length, 1);
    assert.equal(day.buckets[0]!.edits, 5);
    assert.equal(day.buckets[0]!.survivalChecked, 5, 'survival checkpoints written after midnight still count');
  });

  it('never sends a model or version shaped like a path or outside the label alphabet', async () => {
    assert.equal(wireLabel('openai/gpt-4o'), 'openai/gpt-4o');
    assert.equal(wireLabel('/home/alice/models/x.gguf'), undefined);
    assert.equal(wireLabel('~/m'), undefined);
    assert.equal(wireLabel('a/b/c'), undefined);
    assert.equal(wireLabel('llama.gguf'), undefined);
    assert.equal(wireLabel('claude 3 opus'), undefined);
    const recs = records({ edits: 6, start: T0, model: '/home/alice/llm.gguf', assistantVersion: '1' });
    const day = await buildTeamDay(versionedBuckets(recs, DAY), opts);
    assert.equal(day.buckets.length, 0);
    assert.equal(day.suppressed.invalid, 1);
  });

  it('is deterministic: the same records give the same buckets in the same order', async () => {
    const recs = records({ edits: 6, start: T0, assistantVersion: '1' }, { edits: 6, start: T0, assistant: 'cursor', assistantVersion: '2' });
    const a = await buildTeamDay(versionedBuckets(recs, DAY), opts);
    const b = await buildTeamDay(versionedBuckets([...recs].reverse(), DAY), opts);
    assert.deepEqual(a, b);
  });
});

describe('latest complete day', () => {
  it('is yesterday once 30 minutes of today have passed (late checkpoints have landed), else the day before', async () => {
    const { latestCompleteDay } = await import('../../../src/core/team/teamPayload.js');
    const { localTzOffset } = await import('../../../src/core/time/day.js');
    const localMidnight = (day: string) => Date.parse(`${day}T00:00:00Z`) - localTzOffset(Date.parse(`${day}T00:00:00Z`)) * 60_000;
    assert.equal(latestCompleteDay(localMidnight('2026-11-21') + 31 * 60_000), '2026-11-20');
    assert.equal(latestCompleteDay(localMidnight('2026-11-21') + 29 * 60_000), '2026-11-19');
  });
});

describe('team buckets: edit-size strata', () => {
  // Local rollups split a cell by edit size (drift stratifies by it); the team cell must not be split.
  function sized(recs: DriftEvent[]): DriftEvent[] {
    const sizes = [1, 5, 20];
    const linesOf = new Map<string, number>();
    let i = 0;
    return recs.map((e) => {
      if (e.kind === 'assistant-edit') {
        const lines = sizes[i++ % sizes.length]!;
        linesOf.set(e.id, lines);
        return { ...e, linesAdded: lines, sized: true };
      }
      if ('ref' in e) return { ...e, ref: { ...e.ref, lines: linesOf.get(e.ref.editId) ?? 1 } } as DriftEvent;
      return e;
    });
  }

  it('publishes one bucket per cell, counting k over every edit size', async () => {
    const recs = sized(records({ edits: 6, start: T0, assistantVersion: '1.0.0' }));
    // The local rollup really is split: three size strata of two edits each, every one below k.
    const local = new Map<string, DailyRollup>();
    for (const e of recs) applyToRollups(local, e);
    assert.equal(Object.keys(local.get(DAY)!.buckets).length, 3);
    const day = await buildTeamDay(versionedBuckets(recs, DAY), opts);
    assert.deepEqual(day.buckets.map(cellName), ['copilot|1.0.0||python']);
    const b = day.buckets[0]!;
    assert.equal(b.edits, 6);
    assert.equal(b.linesAdded, 2 * (1 + 5 + 20));
    assert.equal(b.accepted + b.modified + b.rejected + b.deleted, 6);
    assert.equal(day.suppressed.belowK, 0);
  });
});
