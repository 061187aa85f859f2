/**
 * The loopback OTLP receiver inside the real extension host: off by default, started by the setting, fed by REAL
 * OpenTelemetry exporters (HTTP JSON and protobuf) with Claude Code- and Copilot Chat-shaped records; the decisions
 * land in the store as `proposal` records (channel otlp), and Claude Code's accept takes the file its agent then writes
 * on disk (one ai-agent edit, channel otlp, linked from the proposal); a wrong token is refused; turning it off closes
 * the port.
 */
import * as assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DriftEvent } from '../../src/core/schema/events.js';
import type { Driftwatch } from '../../src/host/driftwatch.js';
import { claudeCodeEnvironment } from '../../src/host/otlp/otlpService.js';
import { logClient, metricClient, toolDecision } from '../support/otelClients.js';
import { driftwatch, waitFor } from './util.js';

const seen: DriftEvent[] = [];
let api: Driftwatch;
const otlpProposals = (): Extract<DriftEvent, { kind: 'proposal' }>[] => seen.filter((r): r is Extract<DriftEvent, { kind: 'proposal' }> => r.kind === 'proposal' && r.channel === 'otlp');

describe('OTLP receiver (real editor)', function () {
  this.timeout(60_000);
  let subscription: { dispose(): void } | undefined;

  before(async () => {
    api = await driftwatch();
    subscription = api.store.onDidAppend((records) => seen.push(...records));
  });
  after(async () => {
    subscription?.dispose();
    await vscode.workspace.getConfiguration('driftwatch').update('otlp.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  it('is off until enabled; then real exporters deliver Claude Code and Copilot Chat decisions once each', async () => {
    assert.ok(api.otlp, 'the receiver service exists on the Node host');
    assert.equal(api.otlp.endpoint, undefined, 'off by default');
    await vscode.workspace.getConfiguration('driftwatch').update('otlp.enabled', true, vscode.ConfigurationTarget.Global);
    const e = await waitFor(() => api.otlp!.endpoint, { timeout: 10_000, message: 'the receiver to listen' });
    assert.match(e.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(claudeCodeEnvironment(e).OTEL_EXPORTER_OTLP_ENDPOINT, e.url);

    const claude = logClient({ url: e.url, token: e.token, wire: 'protobuf', gzip: true, service: 'claude-code' });
    claude.emit('claude_code.tool_decision', toolDecision('Edit', 'reject', { language: 'Python' }));
    claude.emit('claude_code.tool_decision', toolDecision('Write', 'accept'));
    await claude.flush();
    await claude.shutdown();
    const copilot = logClient({ url: e.url, token: e.token, wire: 'json', service: 'copilot-chat' });
    copilot.emit('copilot_chat.edit.hunk.action', { outcome: 'undo', language_id: 'typescript', line_count: 3 });
    copilot.emit('copilot_chat.inline.done', { accepted: true, language_id: 'typescript', edit_line_count: 2 });
    await copilot.flush();
    await copilot.shutdown();
    // Claude Code's decisions are stored from OTLP unless its agent hooks reported in this window (the hooks suite,
    // when it ran first): then they are already recorded, exactly, and not stored twice.
    const hooksActive = api.hooks?.service.book.activeWithin('claude-code', 30 * 60_000) ?? false;
    const expected = [
      ...(hooksActive
        ? []
        : [
            ['claude-code', 'Edit', 'rejected'],
            ['claude-code', 'Write', 'accepted'],
          ]),
      ['copilot', 'chat-edit-hunk', 'rejected'],
      ['copilot', 'inline-chat', 'accepted'],
    ];
    // Claude Code's agent writes the file it was allowed to write (a file never opened in the editor, no agent
    // extension installed): the accept names the writer.
    const folder = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const written = path.join(folder, 'otlp', 'written.ts');
    await mkdir(path.dirname(written), { recursive: true });
    await writeFile(written, 'export function half(n: number): number {\n  return n / 2;\n}\n');
    try {
      const got = await waitFor(() => (otlpProposals().length >= expected.length ? otlpProposals() : undefined), { timeout: 40_000, message: `${expected.length} OTLP proposals` });
      await new Promise((r) => setTimeout(r, 500));
      const byDecision = (p: (typeof got)[number]): string => `${p.assistant} ${p.toolName} ${p.decision}`;
      assert.deepEqual(got.map(byDecision).sort(), expected.map((e) => e.join(' ')).sort());
      const edits = seen.filter((r): r is Extract<DriftEvent, { kind: 'assistant-edit' }> => r.kind === 'assistant-edit' && r.file === 'otlp/written.ts');
      if (!hooksActive) {
        assert.equal(edits.length, 1, 'the written file is one assistant edit');
        assert.deepEqual([edits[0]!.provenance, edits[0]!.channel, edits[0]!.assistant], ['ai-agent', 'otlp', 'claude-code']);
        const accept = got.find((p) => p.toolName === 'Write');
        assert.equal(accept?.matchedEditId, edits[0]!.id, 'the accept names the edit it decided');
        assert.equal(accept?.file, 'otlp/written.ts');
      }
    } finally {
      await rm(path.dirname(written), { recursive: true, force: true });
    }

    const intruder = metricClient({ url: e.url, token: 'not-the-token-0123456789', wire: 'json', service: 'claude-code' });
    intruder.add(5, { tool_name: 'Edit', decision: 'accept', source: 'config', language: 'Go' });
    await intruder.flush().catch(() => undefined);
    await intruder.shutdown().catch(() => undefined);
    assert.equal(otlpProposals().length, expected.length, 'a request with the wrong token stores nothing');
  });

  it('keeps its port and token across a restart, and closes the port when turned off', async () => {
    const before = api.otlp!.endpoint!;
    await vscode.workspace.getConfiguration('driftwatch').update('otlp.enabled', false, vscode.ConfigurationTarget.Global);
    await waitFor(() => api.otlp!.endpoint === undefined, { message: 'the receiver to stop' });
    await assert.rejects(fetch(`${before.url}/v1/logs`, { method: 'POST' }));
    await vscode.workspace.getConfiguration('driftwatch').update('otlp.enabled', true, vscode.ConfigurationTarget.Global);
    const after = await waitFor(() => api.otlp!.endpoint, { timeout: 10_000, message: 'the receiver to listen again' });
    assert.deepEqual(after, before, 'same url and token: the user\'s environment stays valid');
  });
});
