import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { EDIT_CSV_COLUMNS, runExport, validateExportOptions, type ExportOptions } from '../../../src/core/export/exporter.js';
import { eventsJsonSchema } from '../../../src/core/schema/jsonSchema.js';
import { EventStore } from '../../../src/core/store/eventStore.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';
import { editInput, refOf } from '../../support/builders.js';
import { runCli } from '../../support/runCli.js';

const consent = { method: 'api' as const, statement: 'test', at: '2026-11-27T00:00:00.000Z' };

async function seed(dir: string): Promise<void> {
  const store = await EventStore.open(new JsonlBackend(dir));
  const t = Date.UTC(2026, 10, 20, 10);
  const e1 = { id: 'e1', ts: t };
  const e2 = { id: 'e2', ts: t + 3_600_000, assistant: 'claude-code', language: 'typescript' };
  store.append([
    editInput({ ...e1, text: 'CANARY_CODE_TEXT = [x for x in y]' }),
    editInput({ ...e2, provenance: 'ai-agent', channel: 'disk-write', file: 'web/CANARY_PATH.ts', text: 'let s = "";' }),
    { kind: 'edit-outcome', ts: t + 10_000, ref: refOf(e1), outcome: 'modified' },
    { kind: 'survival', ts: t + 300_000, ref: refOf(e1), checkpoint: 300, distanceRatio: 0.4, unchanged: false, fourGramSurvival: 0.5, regionDeleted: false, regionText: 'CANARY_REGION' },
    { kind: 'follow-up-fix', ts: t + 60_000, ref: refOf(e1), fixIndex: 1, provenance: 'typed', charsChanged: 7, msSinceEdit: 60_000 },
    { kind: 'follow-up-fix', ts: t + 90_000, ref: refOf(e1), fixIndex: 2, provenance: 'typed', charsChanged: 3, msSinceEdit: 90_000 },
    { kind: 'finding', ts: t + 1000, ref: refOf(e1), findingKey: 'f1', ruleId: 'loop.manual-index', severity: 'info', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, status: 'open', at: 0 },
    { kind: 'finding', ts: t + 300_000, ref: refOf(e1), findingKey: 'f1', ruleId: 'loop.manual-index', severity: 'info', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, status: 'fixed', at: 300 },
    { kind: 'edit-score', ts: t + 900_000, ref: refOf(e1), score: 71.25, components: { lint: 80 }, linesChanged: 3, final: true },
    { kind: 'edit-outcome', ts: t + 3_610_000, ref: refOf(e2), outcome: 'accepted' },
  ] as never);
  await store.dispose();
}

function collector(): { sink: { write(c: string): Promise<void> }; text(): string } {
  const parts: string[] = [];
  return { sink: { write: async (c) => void parts.push(c) }, text: () => parts.join('') };
}

function options(o: Partial<ExportOptions>): ExportOptions {
  return { format: 'jsonl', redact: 'all', consent, toolVersion: '9.9.9', ...o };
}

describe('export', () => {
  let dir: string;
  let store: EventStore;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-export-'));
    await seed(dir);
    store = await EventStore.open(new JsonlBackend(dir), { readOnly: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('JSONL at level all is the stored records, each valid against the generated JSON Schema', async () => {
    const out = collector();
    const meta = await runExport(store, options({}), out.sink);
    const records = out.text().trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(records.length, 10);
    assert.equal(meta.counts.records, 10);
    assert.equal(meta.counts.assistantEdits, 2);
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(eventsJsonSchema());
    for (const r of records) assert.ok(validate(r), JSON.stringify(validate.errors));
    assert.match(out.text(), /CANARY_CODE_TEXT/);
  });

  it('JSONL at level noCode carries no code text but keeps everything else', async () => {
    const out = collector();
    await runExport(store, options({ redact: 'noCode' }), out.sink);
    assert.doesNotMatch(out.text(), /CANARY_CODE_TEXT|CANARY_REGION/);
    assert.match(out.text(), /CANARY_PATH/);
    assert.equal(out.text().trim().split('\n').length, 10);
  });

  it('aggregate level has no per-edit records, no paths and no code', async () => {
    for (const format of ['jsonl', 'csv'] as const) {
      const out = collector();
      const meta = await runExport(store, options({ redact: 'aggregate', format }), out.sink);
      assert.doesNotMatch(out.text(), /CANARY/);
      assert.doesNotMatch(out.text(), /e1|e2/);
      assert.equal(meta.counts.rows, 2, 'one row per (day, assistant, model, language)');
      assert.equal(meta.counts.assistantEdits, 2);
    }
  });

  it('CSV has one row per assistant edit with its outcome, survival, fixes, findings and score', async () => {
    const out = collector();
    const meta = await runExport(store, options({ format: 'csv' }), out.sink);
    const rows = parseCsv(out.text(), { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!), [...EDIT_CSV_COLUMNS]);
    assert.equal(rows.length, 2);
    const r1 = rows.find((r) => r['edit_id'] === 'e1')!;
    assert.equal(r1['outcome'], 'modified');
    assert.equal(r1['unchanged_300s'], '0');
    assert.equal(r1['fourgram_survival_300s'], '0.5');
    assert.equal(r1['unchanged_30s'], '');
    assert.equal(r1['fixes'], '2');
    assert.equal(r1['fix_chars'], '10');
    assert.equal(r1['ms_to_first_fix'], '60000');
    assert.equal(r1['findings_open'], '0');
    assert.equal(r1['findings_fixed'], '1');
    assert.equal(r1['finding_rules'], 'loop.manual-index');
    assert.equal(r1['score'], '71.25');
    assert.equal(rows.find((r) => r['edit_id'] === 'e2')!['provenance'], 'ai-agent');
    assert.equal(meta.columns?.length, EDIT_CSV_COLUMNS.length);
  });

  it('respects the day range', async () => {
    const out = collector();
    const meta = await runExport(store, options({ since: '2026-11-21' }), out.sink);
    assert.equal(meta.counts.records, 0);
    assert.equal(out.text(), '');
  });

  it('validates options with clear messages', () => {
    assert.equal(validateExportOptions({ format: 'jsonl', redact: 'noCode' }), undefined);
    assert.match(validateExportOptions({ format: 'xml' })!, /unknown format "xml"/);
    assert.match(validateExportOptions({ redact: 'some' })!, /unknown redaction level/);
    assert.match(validateExportOptions({ since: '2026-13-01' })!, /--since must be a day/);
    assert.match(validateExportOptions({ since: '2026-11-02', until: '2026-11-01' })!, /after --until/);
  });
});

describe('driftwatch CLI: export', () => {
  let dir: string;
  let outDir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-cli-'));
    outDir = await mkdtemp(path.join(os.tmpdir(), 'dw-cli-out-'));
    await seed(dir);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
  });


  it('writes the data, a metadata record and the JSON Schema beside it', async () => {
    const file = path.join(outDir, 'edits.csv');
    const r = await runCli(['export', '--store', dir, '--format', 'csv', '--redact', 'noCode', '--out', file]);
    assert.equal(r.code, 0, r.err);
    const meta = JSON.parse(await readFile(`${file}.meta.json`, 'utf8'));
    assert.equal(meta.redaction, 'noCode');
    assert.equal(meta.format, 'csv');
    assert.equal(meta.schemaVersion, 1);
    assert.equal(meta.consent.method, 'cli');
    assert.equal(meta.counts.rows, 2);
    assert.equal(meta.dataFile, 'edits.csv');
    const schema = JSON.parse(await readFile(path.join(outDir, 'events.v1.schema.json'), 'utf8'));
    assert.ok(schema.oneOf.length >= 10);
    assert.doesNotMatch(await readFile(file, 'utf8'), /CANARY_CODE/);
  });

  it('streams to stdout with the metadata on stderr when --out is omitted', async () => {
    const r = await runCli(['export', '--store', dir, '--format', 'jsonl']);
    assert.equal(r.code, 0);
    assert.equal(r.out.trim().split('\n').length, 10);
    assert.equal(JSON.parse(r.err.trim()).counts.records, 10);
  });

  it('exits 2 on usage errors and 1 on a missing store, with a clear message', async () => {
    let r = await runCli(['export', '--store', dir]);
    assert.equal(r.code, 2);
    assert.match(r.err, /--format is required/);
    r = await runCli(['export', '--store', dir, '--format', 'csv', '--bogus']);
    assert.equal(r.code, 2);
    r = await runCli(['export', '--store', path.join(dir, 'nope'), '--format', 'csv']);
    assert.equal(r.code, 1);
    assert.match(r.err, /store folder not found/);
    r = await runCli(['frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command "frobnicate"/);
  });

  it('skips corrupt lines in the store with a warning and still exports the rest', async () => {
    await writeFile(path.join(dir, 'events', '2026-11-20.jsonl'), '{broken\n', { flag: 'a' });
    const r = await runCli(['export', '--store', dir, '--format', 'jsonl']);
    assert.equal(r.code, 0);
    assert.equal(r.out.trim().split('\n').length, 10);
    assert.match(r.err, /skipped 1 corrupt line/);
  });
});
