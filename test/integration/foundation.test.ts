/** Foundation: the extension starts in a real VS Code, and its store, logger, settings and export work end to end. */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { addDays } from '../../src/core/time/day.js';
import { EXTENSION_ID, assistantEdit, dayFilePath, dayFiles, dayOfRecord, driftwatch, waitFor, waitForLog, workspaceRoot } from './util.js';

const DAY_MS = 86_400_000;

/** Parsed records of a JSONL file ('' lines ignored). */
async function readJsonl(file: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function driftwatchOutputVisible(): boolean {
  return vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'output' && e.document.uri.path.includes('Driftwatch'));
}

describe('foundation', () => {
  it('activates on start-up without being asked', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    // onStartupFinished: the host activates it by itself; the test only waits.
    await waitFor(() => ext.isActive, { timeout: 20_000, message: 'Driftwatch to activate on start-up' });
    const api = await driftwatch();
    assert.equal(api.platform.kind, 'node');
    assert.ok(api.store.location.endsWith(path.join('globalStorage', EXTENSION_ID)), `store under global storage: ${api.store.location}`);
  });

  it('"Driftwatch: Show Logs" reveals the Driftwatch output channel', async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await waitFor(() => !driftwatchOutputVisible(), { message: 'the output panel to close' });
    await vscode.commands.executeCommand('driftwatch.showLogs');
    await waitFor(() => driftwatchOutputVisible(), { message: 'the Driftwatch output channel to be shown' });
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('writes appended events to day-partitioned JSONL under global storage within about a second', async () => {
    const api = await driftwatch();
    const now = assistantEdit();
    const earlier = assistantEdit({ ts: now.ts - 3 * DAY_MS, tz: now.tz });
    const started = Date.now();
    assert.equal(api.store.append([now, earlier]).length, 2);
    const today = dayOfRecord(now);
    const readDay = async (day: string): Promise<Record<string, unknown>[]> =>
      (await Promise.all((await dayFiles(day)).filter((f) => existsSync(f)).map((f) => readJsonl(f)))).flat();
    const written = await waitFor(
      async () => (await readDay(today)).find((r) => r['id'] === now.id),
      { timeout: 2_500, interval: 25, message: `${now.id} in a partition of ${today}` },
    );
    const latency = Date.now() - started;
    assert.deepEqual(written, JSON.parse(JSON.stringify(now)), 'the stored line is the record, unchanged');
    // The other record is in its own day's file, not today's.
    const earlierDay = dayOfRecord(earlier);
    assert.equal(earlierDay, addDays(dayOfRecord(now), -3));
    const earlierRecords = await readDay(earlierDay);
    assert.ok(earlierRecords.some((r) => r['id'] === earlier.id), `${earlier.id} is in a partition of ${earlierDay}`);
    assert.ok(!(await readDay(today)).some((r) => r['id'] === earlier.id), 'no record in the wrong partition');
    assert.ok(latency < 2_500, `written after ${latency} ms`);
  });

  it('skips and counts a corrupt stored line while every valid event in the file survives', async () => {
    const api = await driftwatch();
    // 60 days back: older than any suite's seeded history (the panel and evidence suites seed 40 days), so this day file is ours alone.
    const base = Date.now() - 60 * DAY_MS;
    const valid = [assistantEdit({ ts: base }), assistantEdit({ ts: base + 60_000 }), assistantEdit({ ts: base + 120_000 })];
    const day = dayOfRecord(valid[0]!);
    assert.ok(valid.every((v) => dayOfRecord(v) === day), 'fixture records share one day');
    const lines = [
      JSON.stringify(valid[0]),
      '{"schema":1,"id":"torn-write","kind":"assist', // a line cut short by a crash
      JSON.stringify(valid[1]),
      JSON.stringify({ schema: 1, id: 'bad-record', ts: base, tz: 0, kind: 'assistant-edit' }), // valid JSON, invalid record
      JSON.stringify(valid[2]),
    ];
    const file = await dayFilePath(day);
    await mkdir(path.dirname(file), { recursive: true });
    const content = lines.join('\n') + '\n';
    await writeFile(file, content);

    const corruptBefore = api.store.health().corruptLines;
    const read: string[] = [];
    for await (const e of api.store.read({ since: day, until: day })) read.push(e.id);
    assert.deepEqual(read, valid.map((v) => v.id), 'every valid event is read back, in order');
    assert.equal(api.store.health().corruptLines - corruptBefore, 2, 'both bad lines are counted');
    await waitForLog(`skipped 2 corrupt line(s) in ${day}.jsonl`);
    assert.equal(await readFile(file, 'utf8'), content, 'reading never rewrites or drops stored data');
  });

  it('falls back to the default for an invalid setting value and logs a warning naming it', async () => {
    const api = await driftwatch();
    const settings = vscode.workspace.getConfiguration('driftwatch');
    try {
      // A valid non-default value first, so the fallback is observable as a change back to the default.
      await settings.update('drift.recentDays', 14, vscode.ConfigurationTarget.Global);
      await waitFor(() => api.config.value['drift.recentDays'] === 14, { message: 'drift.recentDays to become 14' });
      await settings.update('drift.recentDays', 'fortnight', vscode.ConfigurationTarget.Global);
      await waitFor(() => api.config.value['drift.recentDays'] === 7, { message: 'drift.recentDays to fall back to 7' });
      await waitForLog('setting driftwatch.drift.recentDays has an invalid value "fortnight"; using 7');
    } finally {
      await settings.update('drift.recentDays', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('"Driftwatch: Export Local Data…" writes the data, its metadata and the JSON Schema', async () => {
    const api = await driftwatch();
    const edit = assistantEdit({ text: 'const secret = compute();' });
    api.store.append(edit);
    const dir = path.join(workspaceRoot().fsPath, 'exports');
    const out = path.join(dir, 'driftwatch.jsonl');
    // Arguments pre-fill the export but never skip the consent dialog: the (test-only) hook answers it here.
    const asked: string[] = [];
    api.testHooks.confirmExport = async (detail) => {
      asked.push(detail);
      return true;
    };
    // Exporting right after appending: the command must include records still buffered in memory.
    const result = await vscode.commands.executeCommand<{ rows: number; data: string } | undefined>('driftwatch.export', {
      format: 'jsonl',
      redact: 'noCode',
      out,
    });
    assert.ok(result, 'the command returns a result');
    assert.equal(asked.length, 1, 'the user was asked once');
    assert.match(asked[0]!, /without code text.*\n.*driftwatch\.jsonl/s);
    const records = await readJsonl(out);
    assert.equal(result.rows, records.length);
    const exported = records.find((r) => r['id'] === edit.id);
    assert.ok(exported, 'the just-appended edit is exported');
    assert.equal(exported['text'], undefined, 'noCode redaction removes code text');
    assert.ok(!records.some((r) => 'text' in r || 'replacedText' in r || 'regionText' in r), 'no record carries code text');

    const meta = JSON.parse(await readFile(`${out}.meta.json`, 'utf8')) as Record<string, unknown>;
    assert.equal(meta['format'], 'jsonl');
    assert.equal(meta['redaction'], 'noCode');
    assert.equal((meta['counts'] as { rows: number }).rows, records.length);
    const schema = JSON.parse(await readFile(path.join(dir, String(meta['schemaFile'])), 'utf8')) as Record<string, unknown>;
    assert.match(String(schema['$id']), /events\.v1\.schema\.json$/);

    const csv = path.join(dir, 'edits.csv');
    const csvResult = await vscode.commands.executeCommand<{ rows: number } | undefined>('driftwatch.export', { format: 'csv', redact: 'all', out: csv });
    assert.ok(csvResult && csvResult.rows >= 1);
    const csvLines = (await readFile(csv, 'utf8')).trim().split(/\r?\n/);
    assert.match(csvLines[0]!, /^edit_id,/);
    assert.ok(csvLines.some((l) => l.startsWith(`${edit.id},`)), 'the edit has its CSV row');

    const trace = path.join(dir, 'trace.jsonl');
    asked.length = 0;
    const traceResult = await vscode.commands.executeCommand<{ rows: number } | undefined>('driftwatch.export', { format: 'agent-trace', redact: 'noCode', out: trace });
    assert.ok(traceResult && traceResult.rows >= 1);
    assert.match(asked[0]!, /one Agent Trace record per assistant edit.*no code and no code hashes/s);
    const traces = await readJsonl(trace);
    const mine = traces.find((t) => JSON.stringify(t).includes(`"edit_id":"${edit.id}"`));
    assert.ok(mine, 'the edit has its trace record');
    assert.equal(mine['version'], '0.1');
    assert.ok(!JSON.stringify(traces).includes('content_hash'), 'noCode: no code hashes');
    const traceMeta = JSON.parse(await readFile(`${trace}.meta.json`, 'utf8')) as Record<string, unknown>;
    assert.equal(traceMeta['schemaFile'], 'agent-trace.v0.1.schema.json');
    const traceSchema = JSON.parse(await readFile(path.join(dir, 'agent-trace.v0.1.schema.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(traceSchema['title'], 'Agent Trace Record');
    delete api.testHooks.confirmExport;
  });

  it('an export requested with arguments writes nothing when the user declines, or to a non-file scheme', async () => {
    const api = await driftwatch();
    const out = path.join(workspaceRoot().fsPath, 'exports', 'declined.jsonl');
    let asked = 0;
    api.testHooks.confirmExport = async () => {
      asked++;
      return false;
    };
    try {
      assert.equal(await vscode.commands.executeCommand('driftwatch.export', { format: 'jsonl', redact: 'all', out }), undefined);
      assert.equal(asked, 1);
      assert.ok(!existsSync(out), 'nothing written without consent');
      await waitForLog('export: the user declined');
      assert.equal(await vscode.commands.executeCommand('driftwatch.export', { format: 'jsonl', redact: 'all', out: 'https://example.invalid/upload.jsonl' }), undefined);
      await waitForLog('export: refused target scheme "https:"');
      assert.equal(asked, 1, 'a refused scheme is not even offered');
    } finally {
      delete api.testHooks.confirmExport;
    }
  });

  it('rejects invalid export arguments with one log line and writes nothing', async () => {
    const out = path.join(workspaceRoot().fsPath, 'exports', 'never.jsonl');
    const result = await vscode.commands.executeCommand('driftwatch.export', { format: 'xml', out });
    assert.equal(result, undefined);
    await waitForLog('export: invalid arguments');
    assert.ok(!existsSync(out), 'no file for a rejected export');
  });
});
