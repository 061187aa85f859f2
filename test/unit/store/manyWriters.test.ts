/**
 * Many writers, one truth (issue 12): two extension hosts (here: two real writer processes using the real JSONL
 * backend) append to one store at the same time; the raw files, `report` (the panel's aggregation), CSV export and a
 * third window that was open all along must count the same edits. Before, `report` showed half of them (the saved
 * rollup's fingerprint — the file size — matched although it lacked the other window's records).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EventStore } from '../../../src/core/store/eventStore.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';
import { editInput } from '../../support/builders.js';
import { runCli } from '../../support/runCli.js';

const WRITER = path.join(__dirname, '..', '..', 'support', 'storeWriter.ts');

/** Runs one real writer process to completion. */
export function runWriter(dir: string, prefix: string, edits: number, batch = 20, pauseMs = 1): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, prefix, String(edits), String(batch), String(pauseMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`writer ${prefix} exited ${String(code)}: ${err}`))));
  });
}

/** Distinct assistant-edit ids in the raw files, read without the store (the ground truth). */
async function rawEditIds(dir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const name of await readdir(path.join(dir, 'events'))) {
    for (const l of (await readFile(path.join(dir, 'events', name), 'utf8')).split('\n')) {
      try {
        const r = JSON.parse(l) as { kind?: string; id?: string };
        if (r.kind === 'assistant-edit' && r.id) ids.add(r.id);
      } catch {
        // partial line
      }
    }
  }
  return ids;
}

async function reportEdits(dir: string): Promise<number> {
  const r = await runCli(['report', '--store', dir, '--today', '2026-11-21', '--range', 'all', '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const panel = (JSON.parse(r.out) as { panel: { breakdowns: { assistant: { edits: number }[] } } }).panel;
  return panel.breakdowns.assistant.reduce((n, row) => n + row.edits, 0);
}

async function csvRows(dir: string): Promise<number> {
  const r = await runCli(['export', '--store', dir, '--format', 'csv']);
  assert.equal(r.code, 0, r.err);
  return r.out.trim().split('\n').length - 1;
}

function editsIn(store: EventStore): number {
  let n = 0;
  for (const r of store.rollups()) for (const b of Object.values(r.buckets)) n += b.edits;
  return n;
}

describe('EventStore: two windows writing one store', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-writers-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('two real writer processes appending concurrently: raw = report = CSV = a third open window', async () => {
    // A window that was already open (with some history) before the other two started writing.
    const watcher = await EventStore.open(new JsonlBackend(dir), { refreshIntervalMs: 0 });
    watcher.append(editInput({ id: 'before', ts: Date.UTC(2026, 10, 20, 7) }));
    await watcher.flush();
    await watcher.saveRollups();
    await Promise.all([runWriter(dir, 'a', 700), runWriter(dir, 'b', 700)]);
    const raw = await rawEditIds(dir);
    assert.equal(raw.size, 1401);
    assert.equal(await reportEdits(dir), raw.size, 'report (the panel aggregation) counts every window');
    assert.equal(await csvRows(dir), raw.size, 'CSV export counts every window');
    assert.equal(await watcher.refresh(), true);
    assert.equal(editsIn(watcher), raw.size, 'the open window picks up the others on refresh');
    // The watcher saving its rollups now must not hide anything from the next reader either.
    await watcher.dispose();
    assert.equal(await reportEdits(dir), raw.size);
  });

  it('in one process, two stores on one folder never overwrite each other’s view (report after each save)', async () => {
    const a = await EventStore.open(new JsonlBackend(dir), { refreshIntervalMs: 0 });
    const b = await EventStore.open(new JsonlBackend(dir), { refreshIntervalMs: 0 });
    for (let i = 0; i < 10; i++) {
      a.append(editInput({ id: `a${i}`, ts: Date.UTC(2026, 10, 20, 9, i) }));
      b.append(editInput({ id: `b${i}`, ts: Date.UTC(2026, 10, 20, 9, i) }));
      await a.flush();
      await b.flush();
      await (i % 2 ? a : b).saveRollups();
      assert.equal(await reportEdits(dir), 2 * (i + 1), `after round ${i}`);
    }
    await a.dispose();
    await b.dispose();
  });

  it('the same partition copied beside itself counts once in report, CSV and JSONL export', async () => {
    const backend = new JsonlBackend(dir, { writerId: 'w1' });
    const store = await EventStore.open(backend);
    store.append([editInput({ id: 'd1' }), editInput({ id: 'd2' })]);
    await store.dispose();
    await copyFile(backend.dayFile('2026-11-20'), path.join(dir, 'events', '2026-11-20.copy.jsonl'));
    await copyFile(backend.dayFile('2026-11-20'), path.join(dir, 'events', '2026-11-20.jsonl'));
    assert.equal(await reportEdits(dir), 2);
    assert.equal(await csvRows(dir), 2);
    const jsonl = await runCli(['export', '--store', dir, '--format', 'jsonl']);
    assert.equal(jsonl.out.trim().split('\n').length, 2);
    const meta = JSON.parse(jsonl.err) as { counts: { duplicateRecordsSkipped: number } };
    assert.equal(meta.counts.duplicateRecordsSkipped, 4);
  });

  it('keeps an old single-file store readable and adds new records beside it', async () => {
    const legacy = new JsonlBackend(dir, { writerId: 'w1' });
    const old = await EventStore.open(legacy);
    old.append([editInput({ id: 'old1' }), editInput({ id: 'old2' })]);
    await old.dispose();
    await rm(path.join(dir, 'rollups'), { recursive: true });
    const { rename } = await import('node:fs/promises');
    await rename(legacy.dayFile('2026-11-20'), path.join(dir, 'events', '2026-11-20.jsonl'));
    const store = await EventStore.open(new JsonlBackend(dir));
    store.append(editInput({ id: 'new1' }));
    await store.dispose();
    assert.equal(await reportEdits(dir), 3);
    assert.equal(await csvRows(dir), 3);
  });
});
