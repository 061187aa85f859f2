/**
 * The shipped hook command (resources/hooks/driftwatch-hook.sh → dist/hooks/) as agents run it: a real /bin/sh
 * process per event, payload on stdin, several at once.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, PassThrough } from 'node:stream';
import { runHookCommand } from '../../../src/cli/hookCommand.js';
import { parseSpoolRecord } from '../../../src/core/hooks/hookRecords.js';
import { claudePostEdit, claudePreEdit, cursorAfterFileEdit } from '../../support/hookPayloads.js';

const SCRIPT = path.resolve('resources/hooks/driftwatch-hook.sh');

/** Runs the hook once; resolves with exit code, output and wall time. */
export function runHook(dir: string, agent: string, payload: string | Buffer): Promise<{ code: number | null; out: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const p = spawn('/bin/sh', [SCRIPT, dir, agent], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.stderr.on('data', (b: Buffer) => (out += b.toString()));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out, ms: performance.now() - t }));
    p.stdin.on('error', () => undefined); // the hook may stop reading early; that is its right
    p.stdin.end(payload);
  });
}

const records = (dir: string): string[] => readdirSync(dir).filter((n) => !n.startsWith('.') && n !== 'rejected').sort();

describe('hooks/hook command (real processes)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dw-spool-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each event as one complete file; 24 concurrent agents never interleave', async () => {
    const file = '/home/dev/project/src/a.ts';
    const payloads = Array.from({ length: 24 }, (_, i) => {
      const call = { session: `s${i % 3}`, toolUseId: `toolu_${i}`, file };
      // Sizes from a few hundred bytes to ~600 KB so writes of different lengths overlap in time.
      const big = 'x'.repeat(i * 25_000);
      const p = i % 3 === 0 ? claudePreEdit(call, 'a', `b${big}`) : i % 3 === 1 ? claudePostEdit(call, 'a', `b${big}`) : cursorAfterFileEdit(file, [{ old_string: 'a', new_string: `b${big}` }], { generation: `g${i}` });
      return JSON.stringify(p);
    });
    const results = await Promise.all(payloads.map((p, i) => runHook(dir, i % 3 === 2 ? 'cursor' : 'claude-code', p)));
    for (const r of results) {
      assert.equal(r.code, 0);
      assert.equal(r.out, '', 'the hook prints nothing');
    }
    const names = records(dir);
    assert.equal(names.length, 24);
    assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('.')), [], 'no temp files left');
    const contents = names.map((n) => readFileSync(path.join(dir, n), 'utf8')).sort();
    assert.deepEqual(contents, [...payloads].sort(), 'every file is exactly one payload');
    for (const n of names) {
      assert.match(n, /^\d+-\d+-(claude-code|cursor)\.json$/);
      assert.ok(parseSpoolRecord(readFileSync(path.join(dir, n), 'utf8'), n).ok);
    }
  });

  it('exits 0 at once on a 5 MB payload, malformed input, empty input, a bad agent name or a missing folder', async () => {
    const huge = JSON.stringify(claudePreEdit({ session: 's', toolUseId: 't', file: '/a' }, 'a', 'y'.repeat(5 * 1024 * 1024)));
    const r = await runHook(dir, 'claude-code', huge);
    assert.equal(r.code, 0);
    assert.ok(r.ms < 5_000, `5 MB took ${r.ms} ms`);
    assert.equal((await runHook(dir, 'claude-code', '{"not": json')).code, 0);
    assert.equal((await runHook(dir, 'claude-code', '')).code, 0);
    assert.equal((await runHook(dir, '../../etc;rm -rf', '{}')).code, 0);
    assert.equal((await runHook(path.join(dir, 'missing'), 'cursor', '{}')).code, 0);
    const names = records(dir);
    assert.equal(names.length, 3, 'the 5 MB record, the malformed one and the one with a bad agent name (empty input writes nothing)');
    assert.ok(names.some((n) => n.endsWith('-unknown.json')), 'a bad agent name becomes "unknown"');
    assert.equal(readFileSync(path.join(dir, names.find((n) => statSize(dir, n) > 5_000_000)!), 'utf8'), huge);
  });

  it('exits 0 and leaves no partial record when the disk is full', async function () {
    const full = path.join(dir, 'full');
    mkdirSync(full);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', full]).status !== 0) this.skip(); // needs root
    try {
      const r = await runHook(full, 'claude-code', 'z'.repeat(1024 * 1024));
      assert.equal(r.code, 0);
      assert.equal(r.out, '');
      assert.deepEqual(readdirSync(full), [], 'neither a partial record nor a temp file');
    } finally {
      spawnSync('umount', [full]);
    }
  });

  it('`driftwatch hook <agent>` does the same from Node and always exits 0', async () => {
    const out = new PassThrough();
    const err = new PassThrough();
    let errText = '';
    err.on('data', (b: Buffer) => (errText += b.toString()));
    assert.equal(await runHookCommand(['cursor', '--spool', dir], { out, err }, Readable.from([Buffer.from('{"hook_event_name":'), Buffer.from('"afterFileEdit"}')])), 0);
    const names = records(dir);
    assert.equal(names.length, 1);
    assert.match(names[0]!, /-cursor\.json$/);
    assert.equal(readFileSync(path.join(dir, names[0]!), 'utf8'), '{"hook_event_name":"afterFileEdit"}');
    assert.equal(await runHookCommand(['cursor', '--spool', path.join(dir, 'missing')], { out, err }, Readable.from([Buffer.from('{}')])), 0);
    assert.match(errText, /could not write/);
    assert.equal(await runHookCommand(['cursor', '--spool', path.join(dir, 'missing'), '--strict'], { out, err }, Readable.from([Buffer.from('{}')])), 1);
  });
});

function statSize(dir: string, name: string): number {
  return readFileSync(path.join(dir, name)).length;
}
