/**
 * Crash safety, proven (issue 12): real writer and exporter processes (the real JSONL backend, bundled once so a
 * process starts in ~0.1 s) are SIGKILLed at random moments during appends, rollup saves and exports. After every
 * kill: the store opens, every record the writer reported flushed is present exactly once, the rollups repair
 * themselves (equal to the raw ground truth and to a rebuild from scratch), and no export contradicts its metadata.
 * Trials: DRIFTWATCH_FAULT_TRIALS (default 100). Also a full disk (a 64 KiB tmpfs) and a folder made read-only
 * mid-write (a tmpfs remounted read-only), when the test runs as root on Linux.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { EventStore } from '../../../src/core/store/eventStore.js';
import { verifyExport } from '../../../src/node/exportFiles.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';
import { editInput } from '../../support/builders.js';

const TRIALS = Number(process.env['DRIFTWATCH_FAULT_TRIALS'] ?? '') || 100;
const support = path.join(__dirname, '..', '..', 'support');

/** Seeded PRNG (mulberry32), so a failing trial sequence reproduces. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs a bundled script and SIGKILLs it after `killAfterMs`; resolves with its stdout. */
function runAndKill(script: string, args: string[], killAfterMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' || code === 0) resolve(out);
      else reject(new Error(`${path.basename(script)} exited ${String(code)}: ${err}`));
    });
  });
}

/** Occurrences of each assistant-edit id in the raw files (torn lines ignored). */
async function rawEditCounts(dir: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const events = path.join(dir, 'events');
  for (const name of await readdir(events).catch(() => [] as string[])) {
    for (const l of (await readFile(path.join(events, name), 'utf8')).split('\n')) {
      try {
        const r = JSON.parse(l) as { kind?: string; id?: string };
        if (r.kind === 'assistant-edit' && r.id) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
      } catch {
        // the torn last line of a killed write
      }
    }
  }
  return counts;
}

function rollupEdits(store: EventStore): number {
  return store.rollups().reduce((n, r) => n + Object.values(r.buckets).reduce((m, b) => m + b.edits, 0), 0);
}

describe('crash safety: SIGKILL at random moments', function () {
  this.timeout(300_000);
  let root: string;
  let writer: string;
  let exporter: string;
  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'dw-faults-'));
    for (const [name, entry] of [['writer', 'storeWriter.ts'], ['exporter', 'storeExporter.ts']] as const) {
      buildSync({ entryPoints: [path.join(support, entry)], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: path.join(root, `${name}.cjs`), logLevel: 'error' });
    }
    writer = path.join(root, 'writer.cjs');
    exporter = path.join(root, 'exporter.cjs');
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it(`${TRIALS} kills of writers and exporters: no flushed record lost or doubled, rollups repair, exports agree with their metadata`, async () => {
    const store = path.join(root, 'store');
    const outDir = path.join(root, 'exports');
    await mkdir(outDir, { recursive: true });
    const random = rng(12);
    let writerTrials = 0;
    let exportTrials = 0;
    let lost = 0;
    let doubled = 0;
    for (let t = 0; t < TRIALS; t++) {
      if (t % 3 === 2) {
        // An exporter killed mid-export (or finishing): the data file and its metadata must never disagree.
        const out = path.join(outDir, t % 2 ? 'x.csv' : 'x.jsonl');
        await runAndKill(exporter, [store, out, t % 2 ? 'csv' : 'jsonl'], 20 + random() * 400);
        const v = await verifyExport(out);
        assert.ok(v.ok, `trial ${t}: ${v.reason}`);
        exportTrials++;
        continue;
      }
      const prefix = `t${t}`;
      const out = await runAndKill(writer, [store, prefix, '120', String(1 + Math.floor(random() * 15)), '1'], 30 + random() * 500);
      writerTrials++;
      const flushed = Math.max(0, ...[...out.matchAll(/flushed (\d+)/g)].map((m) => Number(m[1])));
      const raw = await rawEditCounts(store);
      for (let k = 0; k < flushed; k++) if ((raw.get(`${prefix}-${k}`) ?? 0) !== 1) lost++;
      for (const n of raw.values()) if (n > 1) doubled++;
      // The store opens and its rollups repair to the raw ground truth (then are saved for the next trial).
      const s = await EventStore.open(new JsonlBackend(store), { refreshIntervalMs: 0 });
      assert.equal(rollupEdits(s), raw.size, `trial ${t}: rollups after repair`);
      await s.dispose();
    }
    // Rollups equal a rebuild from scratch.
    const repaired = await EventStore.open(new JsonlBackend(store), { readOnly: true });
    await rm(path.join(store, 'rollups'), { recursive: true, force: true });
    const rebuilt = await EventStore.open(new JsonlBackend(store), { readOnly: true });
    assert.deepEqual(rebuilt.rollups(), repaired.rollups());
    console.log(`      fault injection: ${writerTrials} writer kills, ${exportTrials} exporter kills; flushed records lost ${lost}, doubled ${doubled}`);
    assert.equal(lost, 0);
    assert.equal(doubled, 0);
  });
});

const canMount = process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;

(canMount ? describe : describe.skip)('crash safety: full disk and read-only folder (tmpfs)', function () {
  this.timeout(60_000);
  let mnt: string;
  beforeEach(async function () {
    mnt = await mkdtemp(path.join(os.tmpdir(), 'dw-tmpfs-'));
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]);
    if (r.status !== 0) this.skip();
  });
  afterEach(async () => {
    spawnSync('umount', [mnt]);
    await rm(mnt, { recursive: true, force: true });
  });

  it('a full disk keeps records in memory and writes each exactly once when space returns', async () => {
    const filler = path.join(mnt, 'filler');
    const store = path.join(mnt, 'store');
    const s = await EventStore.open(new JsonlBackend(store), { refreshIntervalMs: 0, flushIntervalMs: 10 });
    s.append(editInput({ id: 'before-full' }));
    await s.flush();
    await writeFile(filler, Buffer.alloc(60 * 1024)).catch(() => undefined); // fill what is left
    s.append(Array.from({ length: 50 }, (_, i) => editInput({ id: `while-full-${i}`, text: 'x'.repeat(200) })));
    await s.flush();
    assert.ok(s.health().writeFailures >= 1, 'the write failed (ENOSPC)');
    assert.equal(s.health().pending, 50);
    await rm(filler);
    await s.flush();
    assert.equal(s.health().pending, 0);
    await s.dispose();
    const counts = await rawEditCounts(store);
    for (let i = 0; i < 50; i++) assert.equal(counts.get(`while-full-${i}`), 1, `while-full-${i}`);
    assert.equal(counts.get('before-full'), 1);
    const reopened = await EventStore.open(new JsonlBackend(store), { readOnly: true });
    assert.equal(rollupEdits(reopened), 51);
  });

  it('a folder made read-only mid-write keeps records in memory, nothing stored is lost, and they land once it is writable', async () => {
    const store = path.join(mnt, 'store');
    const s = await EventStore.open(new JsonlBackend(store), { refreshIntervalMs: 0, flushIntervalMs: 10 });
    s.append(editInput({ id: 'ro-1' }));
    await s.flush();
    assert.equal(spawnSync('mount', ['-o', 'remount,ro', mnt]).status, 0);
    s.append(editInput({ id: 'ro-2' }));
    await s.flush();
    assert.equal(s.health().pending, 1);
    assert.match(s.health().lastWriteError ?? '', /EROFS|read-only/i);
    const ro = await EventStore.open(new JsonlBackend(store), { readOnly: true });
    assert.equal(rollupEdits(ro), 1, 'what was stored is intact and readable');
    assert.equal(spawnSync('mount', ['-o', 'remount,rw', mnt]).status, 0);
    await s.flush();
    await s.dispose();
    const counts = await rawEditCounts(store);
    assert.deepEqual([...counts.entries()].sort(), [['ro-1', 1], ['ro-2', 1]]);
  });
});
