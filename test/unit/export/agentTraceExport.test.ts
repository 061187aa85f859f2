/**
 * `driftwatch export --format agent-trace` on a seeded store: every line is an Agent Trace v0.1 record valid against
 * the JSON Schema transcribed from the specification (written beside the export), one per assistant edit, carrying
 * nothing beyond what the spec requires and the per-edit exports already hold (canaries for code and absolute paths).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { lineRangeOf, modelIdOf, traceIdOf, type AgentTraceRecord } from '../../../src/core/export/agentTrace.js';
import { EventStore } from '../../../src/core/store/eventStore.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';
import { editInput, refOf } from '../../support/builders.js';
import { runCli } from '../../support/runCli.js';

const T = Date.UTC(2026, 10, 20, 10);
const CODE = 'CANARY_CODE = [x for x in CANARY_ITEMS]\n';

async function seed(dir: string): Promise<void> {
  const store = await EventStore.open(new JsonlBackend(dir));
  const e1 = { id: 'e1', ts: T, model: 'claude-sonnet-4-5' };
  const e2 = { id: 'e2', ts: T + 3_600_000, assistant: 'cursor', language: 'typescript' };
  const e3 = { id: 'e3', ts: T + 7_200_000 };
  store.append([
    editInput({ ...e1, text: CODE, replacedText: 'CANARY_REPLACED', range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } } }),
    editInput({ ...e2, provenance: 'ai-agent', channel: 'hook', file: 'web/src/view.ts', text: undefined, range: { start: { line: 0, character: 0 }, end: { line: 11, character: 1 } } }),
    editInput({ ...e3, model: 'acme/coder-9' }),
    { kind: 'edit-outcome', ts: T + 900_000, ref: refOf(e1), outcome: 'modified' },
    { kind: 'edit-outcome', ts: T + 3_605_000, ref: refOf(e2), outcome: 'rejected' },
    { kind: 'survival', ts: T + 300_000, ref: refOf(e1), checkpoint: 300, distanceRatio: 0.4, unchanged: false, fourGramSurvival: 0.5, regionDeleted: false, regionText: 'CANARY_REGION' },
  ] as never);
  await store.dispose();
}

function validator(schema: object) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('export --format agent-trace (CLI)', () => {
  let dir: string;
  let outDir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-trace-store-'));
    outDir = await mkdtemp(path.join(os.tmpdir(), 'dw-trace-out-'));
    await seed(dir);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
  });

  it('writes one schema-valid trace record per assistant edit, with the schema and metadata beside it', async () => {
    const file = path.join(outDir, 'trace.jsonl');
    const r = await runCli(['export', '--store', dir, '--format', 'agent-trace', '--out', file]);
    assert.equal(r.code, 0, r.err);
    const schema = JSON.parse(await readFile(path.join(outDir, 'agent-trace.v0.1.schema.json'), 'utf8')) as object;
    const validate = validator(schema);
    const text = await readFile(file, 'utf8');
    const records = text.trim().split('\n').map((l) => JSON.parse(l) as AgentTraceRecord);
    assert.equal(records.length, 3);
    for (const rec of records) assert.ok(validate(rec), JSON.stringify(validate.errors));
    // A record the schema must refuse, so the validation above can fail.
    assert.equal(validate({ ...records[0], version: '0.1.0' }), false, 'version must be major.minor as the spec schema says');
    assert.equal(validate({ ...records[0], files: [{ path: 'a.ts', conversations: [{ ranges: [{ start_line: 0, end_line: 1 }] }] }] }), false, 'lines are 1-based');

    const [r1, r2, r3] = records as [AgentTraceRecord, AgentTraceRecord, AgentTraceRecord];
    assert.equal(r1.version, '0.1');
    assert.equal(r1.timestamp, new Date(T).toISOString());
    assert.deepEqual(r1.tool.name, 'driftwatch');
    assert.equal(r1.files[0]!.path, 'src/app.py');
    const conv = r1.files[0]!.conversations[0]!;
    assert.deepEqual(conv.contributor, { type: 'ai', model_id: 'anthropic/claude-sonnet-4-5' });
    assert.deepEqual(conv.ranges, [{ start_line: 5, end_line: 5, content_hash: `sha256:${createHash('sha256').update(CODE).digest('hex')}` }]);
    assert.equal(r1.metadata['dev.driftwatch']['outcome'], 'modified');
    assert.equal(r1.metadata['dev.driftwatch']['edit_id'], 'e1');
    assert.deepEqual(r2.files[0]!.conversations[0]!.ranges, [{ start_line: 1, end_line: 12 }], 'no text stored: no hash');
    assert.equal(r2.files[0]!.conversations[0]!.contributor.model_id, undefined);
    assert.equal(r2.metadata['dev.driftwatch']['outcome'], 'rejected');
    assert.equal(r3.files[0]!.conversations[0]!.contributor.model_id, 'acme/coder-9', 'a model that names its provider is kept');

    // Privacy: the hash stands in for the code; no code text, replaced text, region text or absolute path.
    assert.doesNotMatch(text, /CANARY/);
    assert.doesNotMatch(text, new RegExp(dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const meta = JSON.parse(await readFile(`${file}.meta.json`, 'utf8')) as { format: string; schemaFile: string; counts: { rows: number } };
    assert.equal(meta.format, 'agent-trace');
    assert.equal(meta.schemaFile, 'agent-trace.v0.1.schema.json');
    assert.equal(meta.counts.rows, 3);

    // Ids are stable across exports (consumers de-duplicate by id) and distinct per edit.
    const again = await runCli(['export', '--store', dir, '--format', 'agent-trace']);
    assert.deepEqual(again.out.trim().split('\n').map((l) => (JSON.parse(l) as AgentTraceRecord).id), records.map((x) => x.id));
    assert.equal(new Set(records.map((x) => x.id)).size, 3);
  });

  it('at --redact noCode there are no content hashes; aggregate is refused with a usage error', async () => {
    const r = await runCli(['export', '--store', dir, '--format', 'agent-trace', '--redact', 'noCode']);
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out, /content_hash|CANARY/);
    const validate = validator(JSON.parse(await readFile(path.resolve('src/core/export/agentTraceRecord.schema.json'), 'utf8')) as object);
    for (const l of r.out.trim().split('\n')) assert.ok(validate(JSON.parse(l)), JSON.stringify(validate.errors));
    const agg = await runCli(['export', '--store', dir, '--format', 'agent-trace', '--redact', 'aggregate']);
    assert.equal(agg.code, 2);
    assert.match(agg.err, /agent-trace records describe single edits/);
  });
});

describe('agent-trace fields', () => {
  it('lines are 1-based and inclusive; a range ending at a line start ends on the line before', () => {
    assert.deepEqual(lineRangeOf({ start: { line: 0, character: 2 }, end: { line: 0, character: 9 } }), { start_line: 1, end_line: 1 });
    assert.deepEqual(lineRangeOf({ start: { line: 3, character: 0 }, end: { line: 6, character: 0 } }), { start_line: 4, end_line: 6 });
    assert.deepEqual(lineRangeOf({ start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }), { start_line: 4, end_line: 4 });
  });

  it('model ids follow provider/model for well-known families and are never guessed otherwise', () => {
    assert.equal(modelIdOf('gpt-4o'), 'openai/gpt-4o');
    assert.equal(modelIdOf('o3-mini'), 'openai/o3-mini');
    assert.equal(modelIdOf('gemini-2.5-pro'), 'google/gemini-2.5-pro');
    assert.equal(modelIdOf('anthropic/claude-opus-4-5'), 'anthropic/claude-opus-4-5');
    assert.equal(modelIdOf('house-model'), 'house-model');
    assert.equal(modelIdOf('x'.repeat(400)).length, 250);
  });

  it('record ids are version-8 UUIDs derived from the edit id', async () => {
    const id = await traceIdOf('e1');
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(id, await traceIdOf('e1'));
    assert.notEqual(id, await traceIdOf('e2'));
  });
});
