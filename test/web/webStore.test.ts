/**
 * The `browser` bundle in VS Code's web worker extension host: it activates, and its IndexedDB store (idb-keyval)
 * keeps events across a re-open with the same rollups, skipping corrupt data without losing the rest.
 */
import * as vscode from 'vscode';
import { createStore, set } from 'idb-keyval';
import { AssistantEditEvent, SCHEMA_VERSION, type DriftEvent, type DriftEventInput } from '../../src/core/schema/events.js';
import { EventStore } from '../../src/core/store/eventStore.js';
import { addDays, dayOf } from '../../src/core/time/day.js';
import type { Driftwatch } from '../../src/host/driftwatch.js';
import { IdbBackend } from '../../src/web/idbBackend.js';
import * as assert from './check.js';

const EXTENSION_ID = 'driftwatch.driftwatch';
const DB_NAME = `driftwatch:${EXTENSION_ID}`;
const DAY_MS = 86_400_000;

/** Polls `probe` until true; `what` (or what it returns at the deadline) describes the wait in the error. */
async function waitFor(probe: () => boolean | Promise<boolean>, what: string | (() => string), timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function driftwatch(): Promise<Driftwatch> {
  const ext = vscode.extensions.getExtension<Driftwatch | undefined>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is loaded in the web extension host`);
  await waitFor(() => ext.isActive, 'Driftwatch to activate on start-up', 20_000);
  const api = ext.exports;
  assert.ok(api, 'activate returned the Driftwatch instance (activation did not fail)');
  return api;
}

let seq = 0;
/** A schema-valid assistant edit at `ts` (UTC offset 0 so days are the same whatever the browser's zone). */
function edit(ts: number, assistant: string, language: string): AssistantEditEvent {
  seq++;
  return AssistantEditEvent.parse({
    schema: SCHEMA_VERSION,
    id: `web-${ts}-${seq}`,
    ts,
    tz: 0,
    kind: 'assistant-edit',
    provenance: 'ai-chat',
    channel: 'workspace-edit',
    assistant,
    language,
    file: `src/file${seq}.ts`,
    range: { start: { line: seq, character: 0 }, end: { line: seq + 2, character: 1 } },
    linesAdded: 3,
    linesRemoved: 1,
    charsInserted: 40 + seq,
    charsReplaced: 7,
    text: `const value${seq} = compute(${seq});`,
  });
}

/** An outcome and a final score for an edit, so rollups carry more than edit counts. */
function followUps(e: AssistantEditEvent, score: number): DriftEventInput[] {
  const ref = { editId: e.id, editTs: e.ts, editTz: e.tz, assistant: e.assistant, language: e.language };
  return [
    { kind: 'edit-outcome', ts: e.ts + 30_000, tz: 0, ref, outcome: 'accepted', reason: 'kept' },
    { kind: 'edit-score', ts: e.ts + 900_000, tz: 0, ref, score, components: { lint: score }, linesChanged: 3, final: true },
  ];
}

describe('web extension host', () => {
  it('activates the browser bundle with the IndexedDB store', async () => {
    const api = await driftwatch();
    assert.equal(api.platform.kind, 'web');
    assert.equal(api.store.location, `indexeddb://${DB_NAME}`);
  });

  it('round-trips events through IndexedDB: append, flush, re-open, read back, same rollups', async () => {
    const api = await driftwatch();
    // Two days well in the past so nothing else the extension records lands in them.
    const day1 = Date.UTC(2024, 2, 10, 9, 0, 0);
    const day2 = day1 + DAY_MS;
    const edits = [edit(day1, 'copilot', 'typescript'), edit(day1 + 60_000, 'claude-code', 'python'), edit(day2, 'copilot', 'typescript')];
    const records: DriftEventInput[] = [...edits, ...followUps(edits[0]!, 80), ...followUps(edits[1]!, 40), ...followUps(edits[2]!, 90)];
    const appended = api.store.append(records);
    assert.equal(appended.length, records.length, 'every record is accepted');
    await api.store.flush();

    const days = [dayOf(day1, 0), dayOf(day2, 0)];
    assert.deepEqual(days, ['2024-03-10', '2024-03-11']);
    const live = api.store.rollups(days[0], days[1]);

    // A second store over the same database: what a reloaded window would see.
    const reopened = await EventStore.open(new IdbBackend(DB_NAME));
    const back: DriftEvent[] = [];
    for await (const e of reopened.read({ since: days[0], until: days[1] })) back.push(e);
    assert.deepEqual(
      back.map((e) => e.id).sort(),
      appended.map((e) => e.id).sort(),
      'every appended record is read back',
    );
    assert.deepEqual(JSON.parse(JSON.stringify(back.find((e) => e.id === edits[1]!.id))), JSON.parse(JSON.stringify(edits[1])), 'records are stored unchanged');

    const rebuilt = reopened.rollups(days[0], days[1]);
    assert.deepEqual(rebuilt, live, 'rollups rebuilt from IndexedDB equal the live ones');
    const copilot = rebuilt[0]!.buckets[Object.keys(rebuilt[0]!.buckets).find((k) => k.startsWith('copilot'))!]!;
    assert.equal(copilot.edits, 1);
    assert.equal(copilot.scores.sum, 80);
    assert.equal(rebuilt[1]!.day, '2024-03-11');

    // Persisted rollups are what a third open loads (no rebuild needed).
    await reopened.saveRollups();
    const third = await EventStore.open(new IdbBackend(DB_NAME));
    assert.deepEqual(third.rollups(days[0], days[1]), live);
    await reopened.dispose();
    await third.dispose();
  });

  it('skips and counts a corrupt line in an IndexedDB chunk and keeps every valid record', async () => {
    const day = addDays('2024-03-10', -30);
    const ts = Date.parse(`${day}T12:00:00Z`);
    const good = [edit(ts, 'cursor', 'javascript'), edit(ts + 1000, 'cursor', 'javascript')];
    // Written the way IdbBackend stores a day: a chunk of lines and the chunk count.
    const db = createStore(DB_NAME, 'events');
    await set(`e:${day}:0`, [JSON.stringify(good[0]), '{"schema":1,"kind":"assistant-ed', JSON.stringify(good[1])].join('\n'), db);
    await set(`d:${day}`, 1, db);

    // Opening repairs rollups from raw data (this day is new to it), which already meets the torn line once.
    const store = await EventStore.open(new IdbBackend(DB_NAME));
    const ids: string[] = [];
    for await (const e of store.read({ since: day, until: day })) ids.push(e.id);
    assert.deepEqual(ids, good.map((g) => g.id), 'both valid records are read, in order');
    assert.equal(store.health().corruptLines, 1, 'the torn line is counted once');
    assert.equal(store.rollups(day, day)[0]?.events, 2, 'the rollup counts only the valid records');
    await store.dispose();
  });

  it('exports through workspace.fs in the web host (JSONL, metadata, JSON Schema)', async () => {
    const api = await driftwatch();
    const e = edit(Date.UTC(2024, 4, 2, 15, 0, 0), 'copilot', 'typescript');
    api.store.append(e);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the test-web mount is open as the workspace folder');
    const out = vscode.Uri.joinPath(folder, 'exports', 'web.jsonl');
    api.testHooks.confirmExport = async () => true; // the consent dialog is always shown; the test hook answers it
    const result = await vscode.commands.executeCommand<{ rows: number } | undefined>('driftwatch.export', { format: 'jsonl', redact: 'all', out: out.toString() });
    assert.ok(result, 'the export command returned a result');
    const dec = new TextDecoder();
    const lines = dec.decode(await vscode.workspace.fs.readFile(out)).trim().split('\n');
    assert.equal(lines.length, result.rows, 'one line per exported row');
    const exported = lines.map((l) => JSON.parse(l) as { id: string; text?: string }).find((r) => r.id === e.id);
    assert.ok(exported, 'the just-appended edit is in the export');
    assert.equal(exported.text, e.text, 'redaction "all" keeps code text');
    const meta = JSON.parse(dec.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'exports', 'web.jsonl.meta.json')))) as { redaction: string };
    assert.equal(meta.redaction, 'all');
    const schema = JSON.parse(dec.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'exports', 'events.v1.schema.json')))) as { $id: string };
    assert.ok(schema.$id.endsWith('events.v1.schema.json'), 'the JSON Schema is written beside the data');
  });
});
