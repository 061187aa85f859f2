import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SpoolFolder, spoolDirFor } from '../../../src/node/hooks/spoolFolder.js';

describe('hooks/spool folder (real files)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dw-spoolf-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hands records on in name (time) order, removes them, moves bad files aside and leaves fresh temp files alone', async () => {
    const spool = new SpoolFolder(dir);
    await spool.ensure();
    const names = Array.from({ length: 70 }, (_, i) => `17000000000${String(100 + i)}000000-${i}-claude-code.json`);
    for (const n of [...names].reverse()) writeFileSync(path.join(dir, n), `{"n":"${n}"}`);
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    writeFileSync(path.join(dir, '.fresh.json.tmp'), 'partial');
    writeFileSync(path.join(dir, '.stale.json.tmp'), 'partial');
    const old = new Date(Date.now() - 5 * 60_000);
    utimesSync(path.join(dir, '.stale.json.tmp'), old, old);
    const seen: string[] = [];
    const bad: string[] = [];
    const n = await spool.drain(
      (e) => seen.push(e.name),
      (name, reason) => bad.push(`${name}: ${reason}`),
    );
    assert.equal(n, 70);
    assert.deepEqual(seen, names);
    assert.deepEqual(bad, ['notes.txt: unexpected file name']);
    assert.deepEqual(readdirSync(dir).sort(), ['.fresh.json.tmp', 'rejected']);
    assert.deepEqual(readdirSync(path.join(dir, 'rejected')), ['notes.txt']);
    assert.equal(await spool.drain(() => assert.fail('nothing left'), () => undefined), 0);
  });

  it('gives each workspace folder its own spool folder', () => {
    assert.notEqual(spoolDirFor('/g', 'file:///a'), spoolDirFor('/g', 'file:///b'));
    assert.equal(spoolDirFor('/g', 'file:///a'), spoolDirFor('/g', 'file:///a'));
  });
});
