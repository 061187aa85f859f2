import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { JsonLogsSerializer, ProtobufLogsSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { encodeTeamMetrics } from '../../../src/core/team/encodeTeamMetrics.js';
import { ATTR } from '../../../src/core/team/teamWire.js';
import { decodeOtlpLogs, decodeOtlpMetrics } from '../../../src/node/otlp/decodeOtlp.js';
import { OtlpBodyError } from '../../../src/node/otlp/otlpBodyError.js';
import { DEFAULT_OTLP_LIMITS } from '../../../src/node/otlp/otlpLimits.js';
import { otlpSuccessResponse } from '../../../src/node/otlp/otlpResponse.js';
import { gunzipCapped } from '../../../src/node/otlp/readOtlpBody.js';
import { teamBucketsFromOtlp } from '../../../src/node/otlp/teamBucketsFromOtlp.js';
import { sampleBucket } from './teamFixtures.js';

const enc = new TextEncoder();

function refuses(run: () => unknown, status: number, pattern?: RegExp): void {
  assert.throws(run, (e: unknown) => {
    assert.ok(e instanceof OtlpBodyError, `expected OtlpBodyError, got ${String(e)}`);
    assert.equal(e.status, status, e.reason);
    if (pattern) assert.match(e.reason, pattern);
    return true;
  });
}

/** Protobuf varint bytes. */
function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}
const len = (field: number, body: number[]): number[] => [(field << 3) | 2, ...varint(body.length), ...body];

describe('OTLP decode', () => {
  const buckets = [sampleBucket(1), sampleBucket(2, { assistant: 'claude-code', model: '', assistantVersion: '' }), sampleBucket(3, { day: '2026-03-15' })];

  for (const format of ['json', 'protobuf'] as const) {
    it(`${format}: decodes what encodeTeamMetrics sends back into the same TeamBuckets`, () => {
      const request = decodeOtlpMetrics(encodeTeamMetrics(buckets, format, { serviceVersion: '9.9.9' }), format);
      assert.equal(request.resourceMetrics[0]!.resource.attributes.find((a) => a.key === 'service.version')?.value, '9.9.9');
      const result = teamBucketsFromOtlp(request);
      assert.deepEqual(result.reasons, []);
      assert.equal(result.rejectedPoints, 0);
      assert.deepEqual(result.buckets, buckets);
    });
  }

  it('rejects only the bucket that fails validation, with a reason and its points counted', () => {
    const bad = sampleBucket(4, { language: 'type script!' });
    const result = teamBucketsFromOtlp(decodeOtlpMetrics(encodeTeamMetrics([buckets[0]!, bad], 'json'), 'json'));
    assert.deepEqual(result.buckets, [buckets[0]]);
    assert.ok(result.rejectedPoints >= 13, String(result.rejectedPoints));
    assert.match(result.reasons[0]!, /language/);
  });

  it('ARC at 5 minutes: an older client sending none is accepted with zeros; more retained than accepted is rejected', () => {
    const doc = JSON.parse(new TextDecoder().decode(encodeTeamMetrics([buckets[0]!], 'json')));
    const scope = doc.resourceMetrics[0].scopeMetrics[0];
    const before = scope.metrics.length;
    scope.metrics = scope.metrics.filter((m: { name: string }) => !m.name.startsWith('driftwatch.arc_5m.'));
    assert.equal(before - scope.metrics.length, 4, 'three counts and the rate gauge');
    const old = teamBucketsFromOtlp(decodeOtlpMetrics(enc.encode(JSON.stringify(doc)), 'json'));
    assert.deepEqual(old.reasons, []);
    assert.deepEqual(old.buckets, [{ ...buckets[0]!, arcEdits: 0, arcAccepted: 0, arcRetained: 0 }]);
    const impossible = sampleBucket(5, { arcAccepted: 100, arcRetained: 101 });
    const result = teamBucketsFromOtlp(decodeOtlpMetrics(encodeTeamMetrics([buckets[0]!, impossible], 'protobuf'), 'protobuf'));
    assert.deepEqual(result.buckets, [buckets[0]]);
    assert.match(result.reasons[0]!, /arcRetained: more characters retained than accepted/);
  });

  it('rejects a bucket whose points disagree on identity, and unknown metrics', () => {
    const text = new TextDecoder().decode(encodeTeamMetrics([buckets[0]!], 'json'));
    const doc = JSON.parse(text);
    const metrics = doc.resourceMetrics[0].scopeMetrics[0].metrics;
    metrics[1].sum.dataPoints[0].attributes.find((a: { key: string }) => a.key === ATTR.assistant).value.stringValue = 'cursor';
    metrics.push({ name: 'other.metric', gauge: { dataPoints: [{ asDouble: 1 }] } });
    const result = teamBucketsFromOtlp(decodeOtlpMetrics(enc.encode(JSON.stringify(doc)), 'json'));
    assert.equal(result.buckets.length, 0);
    assert.ok(result.reasons.some((r) => /disagree/.test(r)));
    assert.ok(result.reasons.some((r) => /unknown metric/.test(r)));
  });

  it('accepts snake_case JSON keys and 64-bit integers as strings', () => {
    const doc = { resource_metrics: [{ scope_metrics: [{ metrics: [{ name: 'm', sum: { aggregation_temporality: 1, is_monotonic: true, data_points: [{ as_int: '42', time_unix_nano: '1773446400000000000' }] } }] }] }] };
    const r = decodeOtlpMetrics(enc.encode(JSON.stringify(doc)), 'json');
    const data = r.resourceMetrics[0]!.scopeMetrics[0]!.metrics[0]!.data;
    assert.equal(data.kind, 'sum');
    assert.equal(data.kind === 'sum' && data.points[0]!.value, 42);
    assert.equal(data.kind === 'sum' && data.points[0]!.timeUnixNano, '1773446400000000000');
  });

  for (const format of ['json', 'protobuf'] as const) {
    it(`${format}: decodes logs the OpenTelemetry serializer wrote (body, attributes, nested values, ids)`, () => {
      const record = {
        hrTime: [1773446400, 5] as [number, number],
        hrTimeObserved: [1773446401, 0] as [number, number],
        spanContext: { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 },
        severityText: 'INFO',
        severityNumber: 9,
        body: 'claude_code.tool_result',
        eventName: 'tool_result',
        resource: resourceFromAttributes({ 'service.name': 'claude-code' }),
        instrumentationScope: { name: 'com.anthropic.claude_code', version: '1.0.0' },
        attributes: { 'event.name': 'tool_result', tool_name: 'Edit', success: true, duration_ms: 12, nested: { a: [1, 'x'] } },
        droppedAttributesCount: 0,
      };
      const serializer = format === 'json' ? JsonLogsSerializer : ProtobufLogsSerializer;
      const bytes = serializer.serializeRequest([record])!;
      const logs = decodeOtlpLogs(bytes, format);
      const rl = logs.resourceLogs[0]!;
      assert.equal(rl.resource.attributes[0]!.value, 'claude-code');
      const sl = rl.scopeLogs[0]!;
      assert.equal(sl.scope.name, 'com.anthropic.claude_code');
      const l = sl.logRecords[0]!;
      assert.equal(l.timeUnixNano, '1773446400000000005');
      assert.equal(l.severityNumber, 9);
      assert.equal(l.severityText, 'INFO');
      assert.equal(l.eventName, 'tool_result');
      assert.equal(l.body, 'claude_code.tool_result');
      assert.equal(l.traceId, '0af7651916cd43dd8448eb211c80319c');
      assert.equal(l.spanId, 'b7ad6b7169203331');
      const attrs = Object.fromEntries(l.attributes.map((a) => [a.key, a.value]));
      assert.equal(attrs.tool_name, 'Edit');
      assert.equal(attrs.success, true);
      assert.equal(attrs.duration_ms, 12);
      assert.deepEqual(attrs.nested, { kvlist: [{ key: 'a', value: [1, 'x'] }] });
    });
  }

  describe('hostile bodies', () => {
    it('20,000-deep JSON nesting: 400, no stack overflow', () => {
      const deep = '['.repeat(20000) + ']'.repeat(20000);
      refuses(() => decodeOtlpMetrics(enc.encode(deep), 'json'), 400, /deeper/);
      const deepValue = `{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":${'{"arrayValue":{"values":['.repeat(20000)}${']}}'.repeat(20000)}}]}]}]}`;
      refuses(() => decodeOtlpLogs(enc.encode(deepValue), 'json'), 400, /deeper/);
    });

    it('20,000-deep protobuf AnyValue nesting: 400', () => {
      // AnyValue{ array_value(5): ArrayValue{ values(1): AnyValue{ ... } } }, built inside out.
      // Built as prefixes around one core in linear time (nesting arrays by copying would be quadratic).
      const core = [0x0a, 0x01, 0x78]; // AnyValue{string_value: "x"}
      const prefixes: number[][] = [];
      let size = core.length;
      for (let i = 0; i < 20000; i++) {
        const inner = [(1 << 3) | 2, ...varint(size)];
        const outer = [(5 << 3) | 2, ...varint(size + inner.length)];
        prefixes.push(inner, outer);
        size += inner.length + outer.length;
      }
      const value = Buffer.concat([...prefixes.reverse().map((p) => Buffer.from(p)), Buffer.from(core)]);
      const record = len(5, []).slice(0, 1).concat(varint(value.length));
      const body = len(1, len(2, len(2, [...record, ...value])));
      refuses(() => decodeOtlpLogs(Uint8Array.from(body), 'protobuf'), 400, /deeper/);
    });

    it('a multi-megabyte string: 413 in JSON and protobuf', () => {
      const big = 'x'.repeat(3 * 1024 * 1024);
      refuses(() => decodeOtlpLogs(enc.encode(`{"resourceLogs":[{"scopeLogs":[{"logRecords":[{"body":{"stringValue":"${big}"}}]}]}]}`), 'json'), 413, /string/);
      // Metric{name: big} inside ScopeMetrics inside ResourceMetrics; the prefixes are tiny, the name is not copied.
      const name = Buffer.from(big);
      const metric = Buffer.concat([Buffer.from([0x0a, ...varint(name.length)]), name]);
      const scope = Buffer.concat([Buffer.from([0x12, ...varint(metric.length)]), metric]);
      const rm = Buffer.concat([Buffer.from([0x12, ...varint(scope.length)]), scope]);
      const req = Buffer.concat([Buffer.from([0x0a, ...varint(rm.length)]), rm]);
      refuses(() => decodeOtlpMetrics(req, 'protobuf'), 413, /string/);
    });

    it('protobuf length prefixes of gigabytes, truncated varints and bad wire types: 400', () => {
      refuses(() => decodeOtlpMetrics(Uint8Array.from([0x0a, ...varint(4 * 1024 ** 3), 1, 2, 3]), 'protobuf'), 400, /exceeds/);
      refuses(() => decodeOtlpMetrics(Uint8Array.from([0x0a, 0xff, 0xff]), 'protobuf'), 400, /varint/);
      refuses(() => decodeOtlpMetrics(Uint8Array.from([0x0b]), 'protobuf'), 400, /wire type/);
      refuses(() => decodeOtlpMetrics(Uint8Array.from([0x09, 0, 0, 0, 0, 0, 0, 0, 0]), 'protobuf'), 400, /wire type/);
    });

    it('too many entries and an exhausted time budget: 413', () => {
      const points = Array.from({ length: 50 }, () => ({ asInt: 1 }));
      const doc = enc.encode(JSON.stringify({ resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: 'm', gauge: { dataPoints: points } }] }] }] }));
      refuses(() => decodeOtlpMetrics(doc, 'json', { ...DEFAULT_OTLP_LIMITS, maxItems: 20 }), 413, /entries/);
      refuses(() => decodeOtlpMetrics(doc, 'json', { ...DEFAULT_OTLP_LIMITS, timeBudgetMs: -1 }), 413, /longer than/);
    });

    it('a gzip bomb inflates only up to the cap: 413', async () => {
      const bomb = gzipSync(Buffer.alloc(24 * 1024 * 1024));
      assert.ok(bomb.length < 100_000);
      await assert.rejects(gunzipCapped(bomb, 1024 * 1024), (e: unknown) => e instanceof OtlpBodyError && e.status === 413);
      await assert.rejects(gunzipCapped(Buffer.from('not gzip'), 1024), (e: unknown) => e instanceof OtlpBodyError && e.status === 400);
    });

    it('wrong JSON types and non-JSON: 400', () => {
      for (const text of ['', 'null', '[]', '{"resourceMetrics":5}', '{"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"sum":{"dataPoints":[{"asInt":"x"}]}}]}]}]}', '{"resourceMetrics":[', '\u0000']) {
        refuses(() => decodeOtlpMetrics(enc.encode(text), 'json'), 400);
      }
    });

    it('2,000 random mutations of valid bodies: each decodes or is refused with a 4xx, nothing else escapes', () => {
      let seed = 12345;
      const rand = (n: number): number => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      for (const format of ['json', 'protobuf'] as const) {
        const valid = encodeTeamMetrics(buckets, format);
        for (let i = 0; i < 1000; i++) {
          const bytes = Uint8Array.from(valid);
          const edits = 1 + rand(8);
          for (let e = 0; e < edits; e++) bytes[rand(bytes.length)] = rand(256);
          const cut = rand(4) === 0 ? bytes.subarray(0, rand(bytes.length)) : bytes;
          try {
            teamBucketsFromOtlp(decodeOtlpMetrics(cut, format));
          } catch (e) {
            assert.ok(e instanceof OtlpBodyError && e.status >= 400 && e.status < 500, `${format} mutation ${i}: ${String(e)}`);
          }
        }
      }
    });
  });

  it('success responses: empty, or partial_success in the request encoding', () => {
    assert.equal(otlpSuccessResponse('metrics', 'protobuf').body.length, 0);
    assert.deepEqual(JSON.parse(new TextDecoder().decode(otlpSuccessResponse('metrics', 'json', 3, 'bad').body)), { partialSuccess: { rejectedDataPoints: '3', errorMessage: 'bad' } });
    assert.deepEqual([...otlpSuccessResponse('logs', 'protobuf', 3, 'ab').body], [0x0a, 6, 0x08, 3, 0x12, 2, 0x61, 0x62]);
  });
});
