/**
 * A safe export (issue 12): never into the store, never over an unrelated file silently, never a data file that
 * contradicts its metadata, no spreadsheet formulas from stored values.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { csvSafeCell, type ExportOptions } from '../../../src/core/export/exporter.js';
import { EventStore, type RawRecord } from '../../../src/core/store/eventStore.js';
import { exportToFile, verifyExport } from '../../../src/node/exportFiles.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';
import { editInput } from '../../support/builders.js';
import { runCli } from '../../support/runCli.js';

const options: ExportOptions = { format: 'jsonl', redact: 'all', consent: { method: 'api', statement: 't', at: '2026-11-27T00:00:00.000Z' }, toolVersion: '1' };

describe('safe export', () => {
  let root: string;
  let store: string;
  let out: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'dw-safe-export-'));
    store = path.join(root, 'store');
    out = path.join(root, 'out');
    const s = await EventStore.open(new JsonlBackend(store));
    s.append([
      editInput({ id: 'e1', file: '=HYPERLINK("http://evil.invalid","x")', model: '@SUM(1+1)', language: '+cmd', assistantVersion: '-2+3' }),
      editInput({ id: 'e2' }),
      editInput({ id: 'e3' }),
    ]);
    await s.dispose();
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('refuses an --out inside the store (exit 2) and leaves every stored record in place', async () => {
    const [partition] = await readdir(path.join(store, 'events'));
    const target = path.join(store, 'events', partition!);
    const before = await readFile(target, 'utf8');
    const r = await runCli(['export', '--store', store, '--format', 'jsonl', '--out', target]);
    assert.equal(r.code, 2);
    assert.match(r.err, /inside the store folder/);
    assert.equal(await readFile(target, 'utf8'), before);
    const r2 = await runCli(['export', '--store', store, '--format', 'csv', '--out', path.join(store, 'x.csv')]);
    assert.equal(r2.code, 2);
  });

  it('never overwrites an unrelated file or schema silently; --force does; re-running an export is fine', async () => {
    const data = path.join(out, 'data.jsonl');
    await writeFile(path.join(root, 'placeholder'), '');
    await rm(out, { recursive: true, force: true });
    await (await import('node:fs/promises')).mkdir(out);
    await writeFile(data, 'my notes');
    let r = await runCli(['export', '--store', store, '--format', 'jsonl', '--out', data]);
    assert.equal(r.code, 2);
    assert.match(r.err, /not a previous Driftwatch export.*--force/);
    assert.equal(await readFile(data, 'utf8'), 'my notes');
    await rm(data);
    await writeFile(path.join(out, 'events.v1.schema.json'), '{"mine":true}');
    r = await runCli(['export', '--store', store, '--format', 'jsonl', '--out', data]);
    assert.equal(r.code, 2);
    assert.match(r.err, /events\.v1\.schema\.json exists with other content/);
    r = await runCli(['export', '--store', store, '--format', 'jsonl', '--out', data, '--force']);
    assert.equal(r.code, 0, r.err);
    r = await runCli(['export', '--store', store, '--format', 'jsonl', '--out', data]);
    assert.equal(r.code, 0, `a previous export is replaced without --force: ${r.err}`);
    assert.deepEqual(await verifyExport(data), { ok: true });
  });

  it('neutralises formula-leading CSV cells (=, +, -, @, tab, CR) but not numbers', async () => {
    const r = await runCli(['export', '--store', store, '--format', 'csv']);
    assert.equal(r.code, 0, r.err);
    const rows = parseCsv(r.out, { columns: true }) as Record<string, string>[];
    const e1 = rows.find((row) => row['edit_id'] === 'e1')!;
    assert.equal(e1['file'], `'=HYPERLINK("http://evil.invalid","x")`);
    assert.equal(e1['model'], `'@SUM(1+1)`);
    assert.equal(e1['language'], `'+cmd`);
    assert.equal(e1['assistant_version'], `'-2+3`);
    for (const c of ['=1', '+1', '-1', '@a', '\tx', '\rx']) assert.equal(csvSafeCell(c), `'${c}`);
    assert.equal(csvSafeCell(-5), -5);
    assert.equal(csvSafeCell('copilot'), 'copilot');
  });

  it('an export that dies midway leaves the previous data and metadata consistent, and no temporary files', async () => {
    const data = path.join(out, 'data.jsonl');
    const s = await EventStore.open(new JsonlBackend(store), { readOnly: true });
    await exportToFile(s, options, data, { storeDir: store });
    const previous = await readFile(data, 'utf8');
    assert.deepEqual(await verifyExport(data), { ok: true });
    // The next export fails after the first record (as a full disk or a kill would stop it).
    const broken = Object.create(s) as EventStore;
    broken.readRaw = async function* (): AsyncGenerator<RawRecord> {
      let n = 0;
      for await (const rec of s.readRaw()) {
        if (n++ === 1) throw new Error('ENOSPC: no space left on device');
        yield rec;
      }
    };
    await assert.rejects(exportToFile(broken, options, data, { storeDir: store }), /ENOSPC/);
    assert.equal(await readFile(data, 'utf8'), previous);
    assert.deepEqual(await verifyExport(data), { ok: true });
    assert.deepEqual((await readdir(out)).sort(), ['data.jsonl', 'data.jsonl.meta.json', 'events.v1.schema.json']);
  });
});
