import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { runExport } from '../../../src/core/export/exporter.js';
import { EventStore } from '../../../src/core/store/eventStore.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';
import { editInput, refOf } from '../../support/builders.js';

describe('export: aggregate rows with edit-size strata', () => {
  it('sums the edit-size buckets of one (day, assistant, model, language) into one row', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dw-export-sizes-'));
    try {
      const store = await EventStore.open(new JsonlBackend(dir));
      const t = Date.UTC(2026, 10, 20, 10);
      const small = { id: 's1', ts: t };
      const large = { id: 'l1', ts: t + 60_000 };
      store.append([
        editInput({ ...small, linesAdded: 1, sized: true }),
        editInput({ ...large, linesAdded: 30, sized: true }),
        { kind: 'edit-score', ts: t + 900_000, ref: { ...refOf(small), lines: 1 }, score: 90, components: {}, linesChanged: 1, final: true },
        { kind: 'edit-score', ts: t + 960_000, ref: { ...refOf(large), lines: 30 }, score: 60, components: {}, linesChanged: 30, final: true },
      ] as never);
      const rollup = store.rollups().find((r) => r.day === '2026-11-20')!;
      assert.deepEqual(Object.values(rollup.buckets).map((b) => b.size).sort(), ['l', 's'], 'the store keeps the sizes apart');
      const parts: string[] = [];
      const meta = await runExport(store, { format: 'csv', redact: 'aggregate', consent: { method: 'api', statement: 't', at: '2026-11-27T00:00:00.000Z' }, toolVersion: '1' }, { write: async (c) => void parts.push(c) });
      const rows = parseCsv(parts.join(''), { columns: true }) as Record<string, string>[];
      assert.equal(meta.counts.rows, 1);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!['edits'], '2');
      assert.equal(rows[0]!['lines_added'], '31');
      assert.equal(rows[0]!['scores_n'], '2');
      assert.equal(rows[0]!['score_mean'], '75');
      await store.dispose();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
