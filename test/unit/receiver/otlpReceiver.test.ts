/**
 * The loopback OTLP receiver with REAL OpenTelemetry JS exporters as clients (logs and metrics; OTLP/HTTP JSON and
 * protobuf; gzip), emitting records shaped like Claude Code's and Copilot Chat's.
 */
import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { DriftEventInput } from '../../../src/core/schema/events.js';
import { AssistantSignalMapper, type SignalRecord } from '../../../src/node/receiver/assistantSignals.js';
import { startOtlpReceiver, type OtlpReceiver } from '../../../src/node/receiver/otlpReceiver.js';
import { logClient, metricClient, toolDecision, type Wire } from '../../support/otelClients.js';

const TOKEN = 'test-token-0123456789abcdef';

type Proposal = Extract<DriftEventInput, { kind: 'proposal' }>;

async function receiver(skip: (a: string) => boolean = () => false): Promise<{ rx: OtlpReceiver; stored: Proposal[]; survival: SignalRecord[]; warnings: string[] }> {
  const stored: Proposal[] = [];
  const survival: SignalRecord[] = [];
  const warnings: string[] = [];
  const mapper = new AssistantSignalMapper(skip);
  const keep = (records: SignalRecord[]): void => {
    for (const r of records) (r.kind === 'proposal' ? stored : survival).push(r as Proposal);
  };
  const rx = await startOtlpReceiver({
    port: 0,
    token: TOKEN,
    onLogs: (req) => keep(mapper.fromLogs(req, Date.now()).records),
    onMetrics: (req) => keep(mapper.fromMetrics(req, Date.now()).records),
    log: { warn: (m) => warnings.push(m), debug: () => undefined },
  });
  return { rx, stored, survival, warnings };
}

function post(url: string, headers: Record<string, string>, body: Uint8Array | string, host = '127.0.0.1', method = 'POST'): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host, port: u.port, path: u.pathname, method, headers }, (res) => {
      let text = '';
      res.on('data', (b: Buffer) => (text += b.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('receiver/OTLP loopback receiver (real OpenTelemetry exporters)', function () {
  this.timeout(30_000);

  for (const wire of ['json', 'protobuf'] as Wire[]) {
    for (const gzip of [false, true]) {
      it(`Claude Code tool_decision events over HTTP ${wire}${gzip ? ' + gzip' : ''} become proposals (editing tools only)`, async () => {
        const { rx, stored } = await receiver();
        try {
          const logs = logClient({ url: rx.url, token: TOKEN, wire, gzip, service: 'claude-code' });
          logs.emit('claude_code.tool_decision', toolDecision('Edit', 'accept', { language: 'TypeScript' }));
          logs.emit('claude_code.tool_decision', toolDecision('Write', 'reject'));
          logs.emit('claude_code.tool_decision', toolDecision('Bash', 'accept'));
          logs.emit('claude_code.api_request', { model: 'claude-sonnet-4', cost_usd: 0.01 });
          await logs.flush();
          await logs.shutdown();
          assert.deepEqual(stored.map((p) => [p.assistant, p.toolName, p.decision, p.channel, p.decisionSource]), [
            ['claude-code', 'Edit', 'accepted', 'otlp', 'signal'],
            ['claude-code', 'Write', 'rejected', 'otlp', 'signal'],
          ]);
          assert.equal(stored[0]!.language, 'typescript');
          assert.equal(rx.stats.get(200), 1);
        } finally {
          await rx.close();
        }
      });
    }

    it(`Copilot Chat hunk keep/undo, inline done accepted/rejected and edit survival over HTTP ${wire}`, async () => {
      const { rx, stored, survival } = await receiver();
      try {
        const logs = logClient({ url: rx.url, token: TOKEN, wire, service: 'copilot-chat' });
        logs.emit('copilot_chat.edit.hunk.action', { outcome: 'accepted', language_id: 'python', request_id: 'r1', line_count: 4, lines_added: 3, lines_removed: 1 });
        logs.emit('copilot_chat.edit.hunk.action', { outcome: 'undo', language_id: 'python', request_id: 'r1', line_count: 2 });
        logs.emit('copilot_chat.inline.done', { accepted: true, language_id: 'typescript', edit_count: 1, edit_line_count: 6 });
        logs.emit('copilot_chat.inline.done', { accepted: false, language_id: 'typescript', edit_count: 1, edit_line_count: 2 });
        logs.emit('copilot_chat.edit.survival', { edit_source: 'apply_patch', survival_rate_four_gram: 0.9, time_delay_ms: 30_000 });
        logs.emit('copilot_chat.edit.survival', { edit_source: 'apply_patch', survival_rate_four_gram: 7, time_delay_ms: 30_000 });
        await logs.flush();
        await logs.shutdown();
        assert.deepEqual(stored.map((p) => [p.assistant, p.toolName, p.decision, p.linesProposed]), [
          ['copilot', 'chat-edit-hunk', 'accepted', 4],
          ['copilot', 'chat-edit-hunk', 'rejected', 2],
          ['copilot', 'inline-chat', 'accepted', 6],
          ['copilot', 'inline-chat', 'rejected', 2],
        ]);
        // Survival is stored as the assistant reported it (not counted away); a rate outside 0–1 is not a rate.
        assert.deepEqual(
          survival.map((r) => (r.kind === 'reported-survival' ? [r.assistant, r.signal, r.fourGramSurvival, r.afterMs, r.channel] : r.kind)),
          [['copilot', 'copilot_chat.edit.survival', 0.9, 30_000, 'otlp']],
        );
      } finally {
        await rx.close();
      }
    });

    it(`the code_edit_tool.decision counter over HTTP ${wire}, delta and cumulative, counts each decision once`, async () => {
      for (const temporality of ['delta', 'cumulative'] as const) {
        const { rx, stored } = await receiver();
        try {
          const m = metricClient({ url: rx.url, token: TOKEN, wire, service: 'claude-code' }, temporality);
          m.add(2, { tool_name: 'Edit', decision: 'accept', source: 'config', language: 'Python' });
          m.add(1, { tool_name: 'MultiEdit', decision: 'reject', source: 'user_reject', language: 'Python' });
          await m.flush();
          m.add(3, { tool_name: 'Edit', decision: 'accept', source: 'config', language: 'Python' });
          await m.flush();
          await m.shutdown();
          const count = (d: string): number => stored.filter((p) => p.decision === d).length;
          assert.equal(count('accepted'), 5, temporality);
          assert.equal(count('rejected'), 1, temporality);
          assert.equal(new Set(stored.map((p) => p.proposalId)).size, stored.length);
        } finally {
          await rx.close();
        }
      }
    });
  }

  it('events win over the counter; hooks win over both', async () => {
    const { rx, stored } = await receiver();
    try {
      const logs = logClient({ url: rx.url, token: TOKEN, wire: 'json', service: 'claude-code' });
      const m = metricClient({ url: rx.url, token: TOKEN, wire: 'json', service: 'claude-code' });
      logs.emit('claude_code.tool_decision', toolDecision('Edit', 'accept'));
      await logs.flush();
      m.add(1, { tool_name: 'Edit', decision: 'accept', source: 'config', language: 'Go' });
      await m.flush();
      assert.equal(stored.length, 1, 'the same decision is not counted twice');
      await Promise.all([logs.shutdown(), m.shutdown()]);
    } finally {
      await rx.close();
    }
    const hooked = await receiver((a) => a === 'claude-code');
    try {
      const logs = logClient({ url: hooked.rx.url, token: TOKEN, wire: 'json', service: 'claude-code' });
      logs.emit('claude_code.tool_decision', toolDecision('Edit', 'accept'));
      await logs.flush();
      await logs.shutdown();
      assert.equal(hooked.stored.length, 0);
    } finally {
      await hooked.rx.close();
    }
  });

  it('a wrong or missing token is 401 (nothing stored); other paths 404, other methods 405; bad bodies 4xx with a log line', async () => {
    const { rx, stored, warnings } = await receiver();
    try {
      for (const token of [undefined, 'wrong-token-0123456789abcdef']) {
        const logs = logClient({ url: rx.url, token, wire: 'json', service: 'claude-code' });
        logs.emit('claude_code.tool_decision', toolDecision('Edit', 'accept'));
        await logs.flush().catch(() => undefined);
        await logs.shutdown().catch(() => undefined);
      }
      assert.equal(rx.stats.get(401), 2);
      assert.equal(stored.length, 0);
      const auth = { Authorization: `Bearer ${TOKEN}` };
      assert.equal((await post(`${rx.url}/v1/traces`, { ...auth, 'Content-Type': 'application/json' }, '{}')).status, 404);
      assert.equal((await post(`${rx.url}/v1/logs`, auth, '', '127.0.0.1', 'GET')).status, 405);
      assert.equal((await post(`${rx.url}/v1/logs`, { ...auth, 'Content-Type': 'text/plain' }, 'hi')).status, 415);
      assert.equal((await post(`${rx.url}/v1/logs`, { ...auth, 'Content-Type': 'application/json' }, '{"resourceLogs": [')).status, 400);
      assert.equal((await post(`${rx.url}/v1/metrics`, { ...auth, 'Content-Type': 'application/x-protobuf' }, Uint8Array.from([0x0a, 0xff, 0xff, 0x01]))).status, 400);
      assert.equal((await post(`${rx.url}/v1/logs`, { ...auth, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, 'not gzip')).status, 400);
      const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
      assert.equal((await post(`${rx.url}/v1/logs`, { ...auth, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, bomb)).status, 413);
      assert.ok(warnings.length >= 8, warnings.join('\n'));
      assert.ok(warnings.every((w) => !w.includes('\n')), 'one line each');
    } finally {
      await rx.close();
    }
  });

  it('listens on loopback only and refuses to bind anything else', async () => {
    await assert.rejects(startOtlpReceiver({ port: 0, host: '0.0.0.0', token: TOKEN, onLogs: () => undefined, onMetrics: () => undefined, log: { warn: () => undefined, debug: () => undefined } }), /loopback/);
    const { rx } = await receiver();
    try {
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
      if (external) await assert.rejects(post(`${rx.url}/v1/logs`, { 'Content-Type': 'application/json' }, '{}', external), /ECONNREFUSED/);
    } finally {
      await rx.close();
    }
  });
});
