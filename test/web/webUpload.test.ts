/**
 * The team upload in the web worker extension host: the browser bundle builds the day's OTLP payload with the shared
 * encoder (no Node APIs), keeps the install secret in IndexedDB so the install id is stable, and — with upload off by
 * default — sends nothing.
 */
import * as vscode from 'vscode';
import type { DriftEventInput } from '../../src/core/schema/events.js';
import type { Driftwatch } from '../../src/host/driftwatch.js';
import * as assert from './check.js';

const EXTENSION_ID = 'driftwatch.driftwatch';

describe('web extension host: team upload', () => {
  it('builds the OTLP payload in the browser, with a stable install id from IndexedDB, and is off by default', async () => {
    const api = vscode.extensions.getExtension<Driftwatch | undefined>(EXTENSION_ID)?.exports;
    assert.ok(api?.upload, 'the upload service exists in the web host');
    const upload = api.upload;
    assert.equal(upload.gateOpen(), false, 'off by default');
    const day = upload.latestCompleteDay();
    const start = Date.parse(`${day}T10:00:00Z`);
    const inputs: DriftEventInput[] = [];
    for (let i = 0; i < 6; i++) {
      inputs.push({
        kind: 'assistant-edit',
        id: `webup${i}`,
        ts: start + i * 60_000,
        tz: 0,
        provenance: 'ai-chat',
        channel: 'workspace-edit',
        assistant: 'copilot',
        assistantVersion: '1.300.0',
        language: 'typescript',
        file: 'src/secretProjectName/file.ts',
        range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
        linesAdded: 2,
        linesRemoved: 0,
        charsInserted: 20,
        charsReplaced: 0,
        text: 'const secretIdentifier = 1;\n',
      } as DriftEventInput);
    }
    api.store.append(inputs);
    await api.store.flush();
    await vscode.workspace.getConfiguration('driftwatch').update('upload.teamId', 'web-team', vscode.ConfigurationTarget.Global);
    const a = await upload.buildDay(day);
    const b = await upload.buildDay(day);
    assert.ok(/^[0-9a-f]{32}$/.test(a.teamDay.installId), 'a 32-hex install id');
    assert.equal(b.teamDay.installId, a.teamDay.installId, 'stable across builds (secret kept in IndexedDB)');
    assert.equal(a.teamDay.buckets.length, 1);
    assert.equal(a.teamDay.buckets[0]?.edits, 6);
    const doc = JSON.parse(a.previewJson) as { resourceMetrics: unknown[] };
    assert.ok(Array.isArray(doc.resourceMetrics), 'an OTLP JSON document');
    assert.ok(!a.previewJson.includes('secret'), 'no path or identifier in the payload');
    const proto = await (async () => {
      await vscode.workspace.getConfiguration('driftwatch').update('upload.format', 'protobuf', vscode.ConfigurationTarget.Global);
      try {
        return await upload.buildDay(day);
      } finally {
        await vscode.workspace.getConfiguration('driftwatch').update('upload.format', undefined, vscode.ConfigurationTarget.Global);
      }
    })();
    assert.equal(proto.request.contentType, 'application/x-protobuf');
    assert.ok(proto.request.body.length > 0 && proto.request.body.length < a.request.body.length, 'protobuf is smaller than JSON');
  });
});
