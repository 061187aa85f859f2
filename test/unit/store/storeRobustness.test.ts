/**
 * One record or one file must not take the store down (issue 12): out-of-range records are skipped and counted,
 * odd or hostile day files are skipped with one log line, rollups of the wrong shape are rebuilt. Each case here
 * failed the whole store (or hung, or followed a link out of it) before.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { EventStore } from '../../../src/core/store/eventStore.js';
import { JsonlBackend, splitLines } from '../../../src/node/jsonlBackend.js';
import { editInput, refOf } from '../../support/builders.js';
import { RecordingLogger } from '../../support/recordingLogger.js';
import { runCli } from '../../support/runCli.js';

const DAY = '2026-11-20';
const TS = Date.UTC(2026, 10, 20, 10);

function line(record: object): string {
  return JSON.stringify({ schema: 1, tz: 0, ...record });
}

function validEdit(id: string, extra: object = {}): string {
  const { kind, ...rest } = editInput({ id, ts: TS }) as unknown as Record<string, unknown>;
  return line({ kind, ...rest, ...extra });
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('EventStore: one record or file cannot take the store down', () => {
  let dir: string;
  let events: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-robust-'));
    events = path.join(dir, 'events');
    await mkdir(events, { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('skips and counts a record dated past JavaScript dates (ts or ref.editTs); report and both exports still work', async () => {
    const ref = { ...refOf({ id: 'ok1', ts: TS }), editTs: 9_000_000_000_000_000 };
    await writeFile(
      path.join(events, `${DAY}.jsonl`),
      [
        validEdit('ok1'),
        validEdit('bad-ts', { ts: 9_000_000_000_000_000 }),
        line({ kind: 'edit-outcome', id: 'bad-ref', ts: TS, ref, outcome: 'accepted' }),
        validEdit('ok2'),
        validEdit('huge-count', { linesAdded: 2 ** 40 }),
      ].join('\n') + '\n',
    );
    const report = await runCli(['report', '--store', dir, '--today', DAY, '--format', 'json']);
    assert.equal(report.code, 0, report.err);
    const panel = (JSON.parse(report.out) as { panel: { breakdowns: { assistant: { edits: number }[] } } }).panel;
    assert.equal(panel.breakdowns.assistant.reduce((n, r) => n + r.edits, 0), 2);
    assert.match(report.err, /skipped 3 corrupt line\(s\) in 2026-11-20\.jsonl \(first: out-of-range assistant-edit record: ts/);
    for (const format of ['jsonl', 'csv']) {
      const out = path.join(dir, '..', `${path.basename(dir)}-export.${format}`);
      const r = await runCli(['export', '--store', dir, '--format', format, '--out', out]);
      assert.equal(r.code, 0, r.err);
      const meta = JSON.parse(await readFile(`${out}.meta.json`, 'utf8')) as { counts: { rows: number; corruptLinesSkipped: number } };
      assert.equal(meta.counts.rows, 2, format);
      assert.equal(meta.counts.corruptLinesSkipped, 3, `${format}: the metadata tells the truth about skipped lines`);
      await rm(out, { force: true });
      await rm(`${out}.meta.json`, { force: true });
      await rm(path.join(path.dirname(out), 'events.v1.schema.json'), { force: true });
    }
  });

  it('rejects an out-of-range record at append with one warning instead of throwing', async () => {
    const log = new RecordingLogger();
    const store = await EventStore.open(new JsonlBackend(dir), { logger: log });
    const accepted = store.append([editInput({ ts: 9_000_000_000_000_000 }), editInput({ charsInserted: 2 ** 40 }), editInput()]);
    assert.equal(accepted.length, 1);
    assert.equal(log.messages('warn').length, 2);
    assert.match(log.messages('warn')[0]!, /rejected (invalid|out-of-range) assistant-edit record/);
    await store.dispose();
  });

  it('skips a day file that is a directory, a dangling link, a link out of the store, a link to /dev/zero, and a FIFO, one log line each', async () => {
    await writeFile(path.join(events, `${DAY}.jsonl`), validEdit('ok1') + '\n');
    await mkdir(path.join(events, '2026-11-21.jsonl'));
    await symlink('/nonexistent/file', path.join(events, '2026-11-22.jsonl'));
    const outside = path.join(os.tmpdir(), `${path.basename(dir)}-outside.jsonl`);
    await writeFile(outside, validEdit('stolen') + '\n');
    await symlink(outside, path.join(events, '2026-11-23.jsonl'));
    await symlink('/dev/zero', path.join(events, '2026-11-24.jsonl'));
    execFileSync('mkfifo', [path.join(events, '2026-11-25.jsonl')]);
    // A link that stays inside the store folder is fine.
    await writeFile(path.join(dir, 'kept.jsonl'), validEdit('inside') + '\n');
    await symlink(path.join(dir, 'kept.jsonl'), path.join(events, '2026-11-26.jsonl'));
    try {
      const log = new RecordingLogger();
      const store = await EventStore.open(new JsonlBackend(dir), { logger: log, readOnly: true });
      const ids = (await collect(store.read())).map((e) => e.id).sort();
      assert.deepEqual(ids, ['inside', 'ok1']);
      const warns = log.messages('warn');
      for (const [day, why] of [
        ['2026-11-21', /a directory/],
        ['2026-11-22', /a link to nothing/],
        ['2026-11-23', /out of the store folder/],
        ['2026-11-24', /out of the store folder|a device/],
        ['2026-11-25', /a FIFO/],
      ] as const) {
        const mine = warns.filter((w) => w.includes(`${day}.jsonl`));
        assert.equal(mine.length, 1, `${day}: ${warns.join('\n')}`);
        assert.match(mine[0]!, why);
      }
      assert.equal(store.health().unreadablePartitions, 5);
      // Reading again does not repeat the warnings.
      await collect(store.read());
      assert.equal(log.messages('warn').length, warns.length);
      const r = await runCli(['report', '--store', dir, '--today', DAY]);
      assert.equal(r.code, 0, r.err);
    } finally {
      await rm(outside, { force: true });
    }
  });

  it('warns when the events folder cannot be listed instead of showing an empty store silently', async () => {
    await rm(events, { recursive: true });
    await writeFile(events, 'a file where the folder should be');
    const log = new RecordingLogger();
    const store = await EventStore.open(new JsonlBackend(dir), { logger: log, readOnly: true });
    assert.deepEqual(await collect(store.read()), []);
    assert.equal(log.messages('warn').filter((w) => /cannot list the events/.test(w)).length, 1, log.messages('warn').join('\n'));
  });

  it('skips a line longer than the line limit without building it, and keeps the lines around it', async () => {
    await writeFile(path.join(events, `${DAY}.jsonl`), `${validEdit('a')}\n${'x'.repeat(50_000)}\n${validEdit('b')}\n${'y'.repeat(50_000)}`);
    const log = new RecordingLogger();
    const store = await EventStore.open(new JsonlBackend(dir, { maxLineBytes: 4096 }), { logger: log, readOnly: true });
    assert.deepEqual((await collect(store.read())).map((e) => e.id), ['a', 'b']);
    assert.equal(store.health().corruptLines, 2);
    assert.match(log.messages('warn').join('\n'), /skipped 2 corrupt line\(s\).*longer than the 4096-byte limit/);
  });

  it('splits lines across chunk boundaries exactly, never holding more than the limit', async () => {
    const text = 'ab\r\ncd\n\nlong-line-here\ne';
    for (let size = 1; size <= text.length; size++) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(Buffer.from(text.slice(i, i + size)));
      const lines = await collect(splitLines(Readable.from(chunks), 6));
      assert.deepEqual(lines, ['ab', 'cd', '', { skipped: 'line of 14 bytes is longer than the 6-byte limit' }, 'e'], `chunk size ${size}`);
    }
  });

  it('rebuilds a rollup whose fingerprint matches but whose shape is wrong, and report works', async () => {
    const store = await EventStore.open(new JsonlBackend(dir));
    store.append(editInput({ id: 'r1', ts: TS }));
    await store.dispose();
    const file = path.join(dir, 'rollups', '2026-11.json');
    const doc = JSON.parse(await readFile(file, 'utf8')) as { days: Record<string, { buckets: unknown }> };
    doc.days[DAY]!.buckets = { x: { assistant: 'copilot', edits: 'many' } };
    await writeFile(file, JSON.stringify(doc));
    const log = new RecordingLogger();
    const reopened = await EventStore.open(new JsonlBackend(dir), { logger: log });
    assert.equal(Object.values(reopened.rollups()[0]!.buckets)[0]!.edits, 1);
    assert.match(log.messages('warn').join('\n'), /wrong shape/);
    await reopened.dispose();
    await writeFile(file, JSON.stringify(doc));
    const r = await runCli(['report', '--store', dir, '--today', DAY]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /copilot\s+1\s/);
  });
});
