import { strict as assert } from 'node:assert';
import { detectDrift } from '../../../src/core/drift/detectDrift.js';
import { addDays } from '../../../src/core/time/day.js';
import { DriftWorkerThread } from '../../../src/node/driftWorkerThread.js';
import { simulateRollups } from '../../support/driftSimulation.js';

const START = '2026-01-05';
const SCRIPT = new URL('../../support/driftWorkerFromSource.mjs', import.meta.url);

describe('drift worker thread (Node hosts run drift evaluation off the extension host thread)', function () {
  this.timeout(60_000);

  it('gives exactly the report of detectDrift on the host, drift or not, evaluation after evaluation', async () => {
    const worker = new DriftWorkerThread(SCRIPT);
    try {
      for (const seed of [1, 2]) {
        const rollups = simulateRollups({ days: 42, start: START, seed, assistants: [{ id: 'calm', editsPerWeek: 70 }, { id: 'drifty', editsPerWeek: 70, change: { day: 36, findingsFactor: 2.5, survivalDrop: 0.15, version: '2.0.0' } }] });
        const options = { today: addDays(START, 41), recentDays: 7, baselineDays: 28, minSamples: 20 };
        const expected = detectDrift(rollups, options);
        const got = await worker.evaluate(rollups, options);
        assert.deepEqual(got, expected);
        assert.deepEqual(got.alerts.map((a) => a.assistant), ['drifty'], `seed ${seed}: the planted drift is found in the worker`);
      }
    } finally {
      worker.dispose();
    }
  });

  it('rejects when the worker cannot run (the monitor then evaluates on the host) and after dispose', async () => {
    const broken = new DriftWorkerThread(new URL('../../support/no-such-worker.mjs', import.meta.url));
    const options = { today: addDays(START, 41), recentDays: 7, baselineDays: 28, minSamples: 20 };
    await assert.rejects(broken.evaluate([], options), /drift worker stopped/);
    broken.dispose();
    await assert.rejects(broken.evaluate([], options), /disposed/);
  });

  it('after its worker dies, the next evaluation starts a fresh worker (what the monitor retries after its back-off)', async () => {
    const t = new DriftWorkerThread(SCRIPT);
    try {
      const rollups = simulateRollups({ days: 42, start: START, seed: 3, assistants: [{ id: 'calm', editsPerWeek: 70 }] });
      const options = { today: addDays(START, 41), recentDays: 7, baselineDays: 28, minSamples: 20 };
      const expected = detectDrift(rollups, options);
      assert.deepEqual(await t.evaluate(rollups, options), expected);
      const inner = (t as unknown as { worker?: { terminate(): Promise<number> } }).worker;
      assert.ok(inner, 'a worker is running');
      const pending = t.evaluate(rollups, options);
      await inner.terminate();
      await assert.rejects(pending, /drift worker stopped/);
      assert.deepEqual(await t.evaluate(rollups, options), expected);
    } finally {
      t.dispose();
    }
  });
});
