/**
 * ARC where users meet it: rolled up by the edit's day, shown as ARC@5 min beside survival@5 min in the panel's series
 * and breakdowns, and exported per edit (CSV, JSONL valid against the generated schema) and per day (aggregate).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { runExport, type ExportOptions } from '../../../src/core/export/exporter.js';
import { buildPanelData } from '../../../src/core/panel/buildPanelData.js';
import { PanelData } from '../../../src/core/panel/panelData.js';
import { eventsJsonSchema } from '../../../src/core/schema/jsonSchema.js';
import type { DriftEventInput } from '../../../src/core/schema/events.js';
import { EventStore } from '../../../src/core/store/eventStore.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';
import { editInput, refOf } from '../../support/builders.js';

const T = Date.UTC(2026, 10, 20, 10);
const consent = { method: 'api' as const, statement: 'test', at: '2026-11-27T00:00:00.000Z' };
const options = (o: Partial<ExportOptions>): ExportOptions => ({ format: 'csv', redact: 'all', consent, toolVersion: '9.9.9', ...o });

/** Two inline edits and one chat edit with ARC on their schedules; the inline ones also have survival@5 min. */
function records(): DriftEventInput[] {
  const inline1 = { id: 'i1', ts: T };
  const inline2 = { id: 'i2', ts: T + 60_000 };
  const chat = { id: 'c1', ts: T + 120_000, assistant: 'claude-code' };
  const arc = (e: { id: string; ts: number; assistant?: string }, schedule: 'inline' | 'chat', checkpoint: number, accepted: number, retained: number): DriftEventInput =>
    ({ kind: 'arc', ts: e.ts + checkpoint * 1000, ref: refOf(e), schedule, checkpoint, acceptedChars: accepted, retainedChars: retained }) as DriftEventInput;
  return [
    editInput(inline1),
    editInput(inline2),
    editInput({ ...chat, provenance: 'ai-chat', channel: 'workspace-edit' }),
    arc(inline1, 'inline', 0, 40, 40),
    arc(inline1, 'inline', 30, 40, 36),
    arc(inline1, 'inline', 300, 40, 30),
    arc(inline2, 'inline', 300, 60, 60),
    arc(chat, 'chat', 0, 100, 100),
    arc(chat, 'chat', 60, 100, 90),
    arc(chat, 'chat', 300, 100, 10),
    { kind: 'survival', ts: T + 300_000, ref: refOf(inline1), checkpoint: 300, distanceRatio: 0.4, unchanged: false, fourGramSurvival: 0.5, regionDeleted: false },
    { kind: 'survival', ts: T + 360_000, ref: refOf(inline2), checkpoint: 300, distanceRatio: 0, unchanged: true, fourGramSurvival: 1, regionDeleted: false },
  ] as DriftEventInput[];
}

describe('ARC in rollups, panel and export', () => {
  let dir: string;
  let store: EventStore;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-arc-'));
    const writer = await EventStore.open(new JsonlBackend(dir));
    writer.append(records());
    await writer.dispose();
    store = await EventStore.open(new JsonlBackend(dir), { readOnly: true });
  });
  afterEach(async () => {
    await store.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('the panel shows ARC@5 min (retained / accepted characters) beside survival@5 min, overall and per assistant', () => {
    const d = buildPanelData({ rollups: store.rollups(), query: { range: '7d', granularity: 'day' }, today: '2026-11-20' });
    assert.ok(PanelData.safeParse(d).success);
    assert.equal(d.series.arc5m.at(-1), 0.5, '(30 + 60 + 10) of (40 + 60 + 100) characters');
    assert.equal(d.series.survival5m.at(-1), 0.5);
    assert.equal(d.series.arc5m[0], null, 'no ARC on a day without edits is a gap, not 0');
    const byAssistant = new Map(d.breakdowns.assistant.map((r) => [r.key, r.arc5m]));
    assert.equal(byAssistant.get('copilot'), 0.9);
    assert.equal(byAssistant.get('claude-code'), 0.1);
  });

  it('CSV: accepted characters and ARC at each checkpoint of the edit’s own schedule; aggregate: ARC@5 min sums', async () => {
    const parts: string[] = [];
    await runExport(store, options({}), { write: async (c) => void parts.push(c) });
    const rows = new Map((parseCsv(parts.join(''), { columns: true }) as Record<string, string>[]).map((r) => [r['edit_id'], r]));
    const i1 = rows.get('i1')!;
    assert.equal(i1['arc_accepted_chars'], '40');
    assert.deepEqual([i1['arc_retained_0s'], i1['arc_retained_30s'], i1['arc_retained_60s'], i1['arc_retained_300s'], i1['arc_retained_900s']], ['40', '36', '', '30', '']);
    const c1 = rows.get('c1')!;
    assert.deepEqual([c1['arc_retained_0s'], c1['arc_retained_30s'], c1['arc_retained_60s'], c1['arc_retained_300s']], ['100', '', '90', '10']);

    const agg: string[] = [];
    await runExport(store, options({ redact: 'aggregate' }), { write: async (c) => void agg.push(c) });
    const cells = parseCsv(agg.join(''), { columns: true }) as Record<string, string>[];
    const copilot = cells.find((r) => r['assistant'] === 'copilot')!;
    assert.deepEqual([copilot['arc_5m_n'], copilot['arc_5m_accepted_chars'], copilot['arc_5m_retained_chars']], ['2', '100', '90']);
  });

  it('JSONL: ARC records are exported as stored and valid against the generated JSON Schema', async () => {
    const parts: string[] = [];
    await runExport(store, options({ format: 'jsonl' }), { write: async (c) => void parts.push(c) });
    const arcs = parts.join('').trim().split('\n').map((l) => JSON.parse(l) as { kind: string }).filter((r) => r.kind === 'arc');
    assert.equal(arcs.length, 7);
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(eventsJsonSchema());
    for (const r of arcs) assert.ok(validate(r), JSON.stringify(validate.errors));
  });
});
