/**
 * Fuzzing the receiver's body path: 12,000 mutated OTLP bodies (JSON and protobuf, logs and metrics, plain and gzip)
 * derived from what the REAL OpenTelemetry exporters send — truncated protobuf, flipped bytes, wrong JSON types, huge
 * strings, deep nesting, bad gzip. Each goes through the receiver's own steps (gunzip, decode, map). Nothing may
 * throw anything but an OtlpBodyError (answered 4xx with a one-line reason); a sample also goes over HTTP.
 */
import { strict as assert } from 'node:assert';
import { prng as rng } from '../../../src/core/demo/demoHistory.js';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeOtlpLogs, decodeOtlpMetrics } from '../../../src/node/otlp/decodeOtlp.js';
import { OtlpBodyError } from '../../../src/node/otlp/otlpBodyError.js';
import { DEFAULT_OTLP_LIMITS } from '../../../src/node/otlp/otlpLimits.js';
import { gunzipCapped } from '../../../src/node/otlp/readOtlpBody.js';
import { AssistantSignalMapper } from '../../../src/node/receiver/assistantSignals.js';
import { DecisionLinker } from '../../../src/core/capture/decisionLinker.js';
import { VerdictLedger } from '../../../src/core/capture/verdictLedger.js';
import { DriftEvent } from '../../../src/core/schema/events.js';
import { ManualClock } from '../../../src/core/util/clock.js';
import { startOtlpReceiver } from '../../../src/node/receiver/otlpReceiver.js';
import { logClient, metricClient, toolDecision, type Wire } from '../../support/otelClients.js';

interface Captured {
  signal: 'logs' | 'metrics';
  wire: Wire;
  body: Buffer;
}

/** The exact bodies the real exporters send, captured by a throwaway server. */
async function captureBodies(): Promise<Captured[]> {
  const out: Captured[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (b: Buffer) => chunks.push(b));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      out.push({ signal: req.url === '/v1/logs' ? 'logs' : 'metrics', wire: (req.headers['content-type'] ?? '').includes('json') ? 'json' : 'protobuf', body: req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body });
      res.writeHead(200, { 'Content-Type': req.headers['content-type'] ?? 'application/json' });
      res.end(req.headers['content-type']?.includes('json') ? '{}' : '');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const wire of ['json', 'protobuf'] as Wire[]) {
    const logs = logClient({ url, token: 'x', wire, service: 'claude-code' });
    logs.emit('claude_code.tool_decision', toolDecision('Edit', 'accept', { language: 'Rust' }));
    logs.emit('claude_code.tool_decision', toolDecision('MultiEdit', 'reject'));
    await logs.flush();
    await logs.shutdown();
    const copilot = logClient({ url, token: 'x', wire, service: 'copilot-chat' });
    copilot.emit('copilot_chat.edit.hunk.action', { outcome: 'accepted', language_id: 'go', line_count: 3 });
    copilot.emit('copilot_chat.edit.survival', { survival_rate_four_gram: 0.5, survival_rate_no_revert: 0.9, time_delay_ms: 120_000, language_id: 'go' });
    await copilot.flush();
    await copilot.shutdown();
    const m = metricClient({ url, token: 'x', wire, service: 'claude-code' });
    m.add(2, { tool_name: 'Edit', decision: 'accept', source: 'config', language: 'Go' });
    await m.flush();
    await m.shutdown();
  }
  await new Promise<void>((r) => server.close(() => r()));
  return out;
}


const WEIRD = ['null', '0', '-1', '1e400', 'true', '""', '[]', '{}', '"' + 'x'.repeat(100_000) + '"', '{"__proto__":{"a":1}}', '[[[[[[[[[[[[]]]]]]]]]]]]'];

function mutateJson(body: Buffer, r: () => number): Buffer {
  let text = body.toString('utf8');
  const op = Math.floor(r() * 6);
  if (op === 0) {
    // replace a value (after a colon) with something of the wrong type
    const colons = [...text.matchAll(/:/g)].map((m) => m.index!);
    const at = colons[Math.floor(r() * colons.length)] ?? 0;
    const end = text.slice(at + 1).search(/[,}\]]/);
    text = text.slice(0, at + 1) + WEIRD[Math.floor(r() * WEIRD.length)] + text.slice(at + 1 + Math.max(0, end));
  } else if (op === 1) {
    text = text.slice(0, Math.floor(r() * text.length));
  } else if (op === 2) {
    const depth = r() < 0.1 ? 50_000 : Math.floor(r() * 300);
    text = text.replace(/"stringValue":"[^"]*"/, `"kvlistValue":${'{"values":[{"key":"k","value":{"kvlistValue":'.repeat(depth)}{}${'}}]}'.repeat(depth)}`);
  } else if (op === 3) {
    text = text.replace(/"stringValue":"[^"]*"/, `"stringValue":"${'y'.repeat(r() < 0.1 ? 3_000_000 : Math.floor(r() * 100_000))}"`);
  } else if (op === 4) {
    const chars = [...text];
    for (let i = 0; i < 1 + r() * 4; i++) chars[Math.floor(r() * chars.length)] = String.fromCharCode(Math.floor(r() * 0x7f));
    text = chars.join('');
  } else {
    text = text.replace(/"timeUnixNano":"?\d+"?/g, `"timeUnixNano":${WEIRD[Math.floor(r() * WEIRD.length)]}`);
  }
  return Buffer.from(text);
}

function mutateProto(body: Buffer, r: () => number): Buffer {
  const b = Buffer.from(body);
  const op = Math.floor(r() * 4);
  if (op === 0) return b.subarray(0, Math.floor(r() * b.length)); // truncated
  if (op === 1) {
    for (let i = 0; i < 1 + r() * 6; i++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
    return b;
  }
  if (op === 2) return Buffer.concat([b.subarray(0, Math.floor(r() * b.length)), Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), b.subarray(Math.floor(r() * b.length))]);
  const junk = Buffer.alloc(Math.floor(r() * 64));
  for (let i = 0; i < junk.length; i++) junk[i] = Math.floor(r() * 256);
  return Buffer.concat([b, junk]);
}

describe('receiver/fuzzing OTLP bodies', function () {
  this.timeout(300_000);
  it('12,000 mutated bodies from real exporters: zero crashes, every rejection a 4xx with a one-line reason', async () => {
    const bodies = await captureBodies();
    assert.equal(bodies.length, 6, 'logs (Claude Code, Copilot) and metrics, for JSON and protobuf');
    const r = rng(0xbad5eed);
    const mapper = new AssistantSignalMapper();
    // What the receiver keeps goes through the decision linker to the store: every stored record must be valid.
    const clock = new ManualClock(Date.now());
    let stored = 0;
    const linker = new DecisionLinker({
      clock,
      ledger: new VerdictLedger(),
      editor: () => undefined,
      emit: (records) => {
        for (const rec of records) {
          const parsed = DriftEvent.safeParse({ schema: 1, id: `f${stored++}`, tz: 0, ts: clock.now(), ...rec });
          assert.ok(parsed.success, `a linked record is invalid: ${JSON.stringify(rec).slice(0, 300)}`);
        }
        return records;
      },
      log: { debug: () => undefined },
    });
    let accepted = 0;
    let rejected = 0;
    const statuses = new Map<number, number>();
    /** Decoder reasons spanning lines (the receiver folds them into its one log line; reported for the decoder). */
    const multiLine: string[] = [];
    const N = 12_000;
    for (let i = 0; i < N; i++) {
      const base = bodies[i % bodies.length]!;
      let bytes = base.wire === 'json' ? mutateJson(base.body, r) : mutateProto(base.body, r);
      const gz = r() < 0.25;
      try {
        if (gz) {
          let wireBytes = gzipSync(bytes);
          if (r() < 0.5) wireBytes = wireBytes.subarray(0, Math.floor(r() * wireBytes.length)); // bad gzip
          bytes = await gunzipCapped(wireBytes, DEFAULT_OTLP_LIMITS.maxDecodedBytes);
        }
        const mapped = base.signal === 'logs' ? mapper.fromLogs(decodeOtlpLogs(bytes, base.wire), Date.now()) : mapper.fromMetrics(decodeOtlpMetrics(bytes, base.wire), Date.now());
        linker.accept(mapped.records);
        clock.advance(60_000); // expectations for accepts expire: their proposals are stored too
        accepted++;
      } catch (err) {
        assert.ok(err instanceof OtlpBodyError, `body ${i} threw ${String(err)}`);
        assert.ok(err.status >= 400 && err.status < 500);
        assert.ok(err.reason.length > 0, 'a reason');
        if (err.reason.includes('\n') && multiLine.length < 3) multiLine.push(err.reason.slice(0, 200));
        statuses.set(err.status, (statuses.get(err.status) ?? 0) + 1);
        rejected++;
      }
    }
    assert.equal(accepted + rejected, N);
    linker.dispose();
    assert.ok(stored > 0, 'mapped decisions reached the store');
    assert.ok(rejected > N / 3, `${rejected} rejected`);

    // A sample over HTTP through the real receiver: every answer is 200 or 4xx, and the server keeps serving.
    const warnings: string[] = [];
    const rx = await startOtlpReceiver({ port: 0, token: 'fuzz-token-0123456789', onLogs: (q) => mapper.fromLogs(q, Date.now()), onMetrics: (q) => mapper.fromMetrics(q, Date.now()), log: { warn: (m) => warnings.push(m), debug: () => undefined } });
    const http = new Map<number, number>();
    try {
      for (let i = 0; i < 300; i++) {
        const base = bodies[i % bodies.length]!;
        const bytes = base.wire === 'json' ? mutateJson(base.body, r) : mutateProto(base.body, r);
        const status = await new Promise<number>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: rx.port, path: `/v1/${base.signal}`, method: 'POST', headers: { Authorization: 'Bearer fuzz-token-0123456789', 'Content-Type': base.wire === 'json' ? 'application/json' : 'application/x-protobuf' } }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          });
          req.on('error', reject);
          req.end(bytes);
        });
        http.set(status, (http.get(status) ?? 0) + 1);
        assert.ok(status === 200 || (status >= 400 && status < 500), `status ${status}`);
      }
    } finally {
      await rx.close();
    }
    const refusedOverHttp = [...http].filter(([s]) => s !== 200).reduce((n, [, c]) => n + c, 0);
    assert.equal(warnings.length, refusedOverHttp, 'one log line per refused request');
    assert.ok(warnings.every((w) => !w.includes('\n')), 'each a single line');
    if (multiLine.length > 0) console.log(`      note: decoder reasons with line breaks (folded by the receiver): ${JSON.stringify(multiLine)}`);
    console.log(`      fuzz: ${N} mutated OTLP bodies, ${rejected} rejected (${JSON.stringify(Object.fromEntries(statuses))}), ${accepted} decoded, 0 crashes; over HTTP ${JSON.stringify(Object.fromEntries(http))}`);
  });
});
