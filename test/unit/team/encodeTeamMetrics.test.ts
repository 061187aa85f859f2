import assert from 'node:assert/strict';
import { encodeTeamMetrics, histogramQuantile } from '../../../src/core/team/encodeTeamMetrics.js';
import { ATTR, METRIC, SCORE_BOUNDS, TEAM_SCOPE } from '../../../src/core/team/teamWire.js';
import { sampleBucket } from './teamFixtures.js';

interface JsonPoint { attributes: Array<{ key: string; value: Record<string, unknown> }>; asInt?: number; asDouble?: number; bucketCounts?: number[]; explicitBounds?: number[]; count?: number; sum?: number; startTimeUnixNano: string; timeUnixNano: string }
interface JsonMetric { name: string; sum?: { aggregationTemporality: number; isMonotonic: boolean; dataPoints: JsonPoint[] }; gauge?: { dataPoints: JsonPoint[] }; histogram?: { dataPoints: JsonPoint[] } }

const attr = (p: JsonPoint, key: string): unknown => {
  const v = p.attributes.find((a) => a.key === key)?.value;
  return v && Object.values(v)[0];
};

describe('encodeTeamMetrics', () => {
  const buckets = [sampleBucket(1), sampleBucket(2, { assistant: 'claude-code', model: '', assistantVersion: '' })];

  it('JSON: an OTLP ExportMetricsServiceRequest with one delta monotonic sum per count, raw attributes per point', () => {
    const doc = JSON.parse(new TextDecoder().decode(encodeTeamMetrics(buckets, 'json', { serviceVersion: '0.1.0' })));
    const rm = doc.resourceMetrics[0];
    const resource = Object.fromEntries(rm.resource.attributes.map((a: { key: string; value: { stringValue: string } }) => [a.key, a.value.stringValue]));
    assert.equal(resource['service.name'], 'driftwatch');
    assert.equal(resource['service.version'], '0.1.0');
    assert.equal(rm.scopeMetrics[0].scope.name, TEAM_SCOPE);
    const metrics = new Map<string, JsonMetric>(rm.scopeMetrics[0].metrics.map((m: JsonMetric) => [m.name, m]));
    const edits = metrics.get(METRIC.edits)!;
    assert.equal(edits.sum!.aggregationTemporality, 1); // DELTA
    assert.equal(edits.sum!.isMonotonic, true);
    assert.deepEqual(edits.sum!.dataPoints.map((p) => p.asInt), [11, 12]);
    const p = edits.sum!.dataPoints[1]!;
    assert.equal(attr(p, ATTR.assistant), 'claude-code');
    assert.equal(attr(p, ATTR.model), '');
    assert.equal(attr(p, ATTR.day), '2026-03-14');
    assert.equal(attr(p, ATTR.idempotencyKey), buckets[1]!.idempotencyKey);
    assert.equal(p.startTimeUnixNano, String(Date.parse('2026-03-14T00:00:00Z') * 1e6));
    assert.equal(p.timeUnixNano, String(Date.parse('2026-03-15T00:00:00Z') * 1e6));
    const findings = metrics.get(METRIC.findings)!.sum!.dataPoints;
    assert.deepEqual(findings.map((f) => [attr(f, ATTR.ruleFamily), f.asInt]), [['loop', 2], ['oop', 1], ['loop', 2], ['oop', 2]]);
    const hist = metrics.get(METRIC.score)!.histogram!.dataPoints[0]!;
    assert.deepEqual(hist.explicitBounds, [...SCORE_BOUNDS]);
    assert.deepEqual(hist.bucketCounts, buckets[0]!.scoreHistogram);
    assert.equal(hist.count, buckets[0]!.scoreCount);
    const acc = metrics.get(METRIC.acceptanceRate)!.gauge!.dataPoints[0]!;
    assert.equal(acc.asDouble, (6 + 2) / 10);
    const q = metrics.get(METRIC.scoreQuantile)!.gauge!.dataPoints.map((g) => attr(g, ATTR.quantile));
    assert.deepEqual(q.slice(0, 3), [0.25, 0.5, 0.75]);
  });

  it('leaves a rate out when its denominator is zero instead of sending NaN', () => {
    const b = sampleBucket(3, { accepted: 0, modified: 0, rejected: 0, deleted: 0, survivalChecked: 0, survivalUnchanged: 0, linesAdded: 0 });
    const text = new TextDecoder().decode(encodeTeamMetrics([b], 'json'));
    assert.ok(!text.includes('NaN') && !text.includes('null'));
    const names = JSON.parse(text).resourceMetrics[0].scopeMetrics[0].metrics.map((m: JsonMetric) => m.name);
    assert.ok(!names.includes(METRIC.acceptanceRate) && !names.includes(METRIC.survivalRate) && !names.includes(METRIC.findingsPer100Lines));
    assert.ok(names.includes(METRIC.fixRate));
  });

  it('protobuf: non-empty bytes starting with field 1 (resource_metrics), length-delimited', () => {
    const bytes = encodeTeamMetrics(buckets, 'protobuf');
    assert.ok(bytes.length > 100);
    assert.equal(bytes[0], (1 << 3) | 2);
  });

  it('histogramQuantile interpolates inside the bucket holding the rank', () => {
    const counts = new Array(21).fill(0);
    counts[16] = 4; // (80, 85]
    assert.equal(histogramQuantile(counts, 0.5), 82.5);
    assert.equal(histogramQuantile(new Array(21).fill(0), 0.5), undefined);
  });
});
