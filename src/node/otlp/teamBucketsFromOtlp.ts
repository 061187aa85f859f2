/**
 * OTLP metrics -> TeamBuckets (the team wire contract, src/core/team/teamWire.ts). Points are grouped by their
 * idempotency key; a group becomes a bucket only when its identity attributes agree on every point, every count
 * metric and the score histogram are present (the ARC counts may be absent: older clients), and the result passes the
 * zod TeamBucket. Anything else is rejected
 * with a reason and counted (for OTLP partial_success). Rate and quantile gauges are derived data: they are counted
 * with their bucket but not read (the collector recomputes rates from pooled counts).
 */
import { ATTR, METRIC, SCORE_BOUNDS, TeamBucket } from '../../core/team/teamWire.js';
import { otlpAttribute, type OtlpKeyValue, type OtlpMetricsRequest } from './otlpTypes.js';

export interface TeamBucketsResult {
  readonly buckets: TeamBucket[];
  /** Data points not accepted (their whole bucket, or points that belong to no bucket). */
  readonly rejectedPoints: number;
  /** Distinct reasons, at most a handful, for the log line and partial_success message. */
  readonly reasons: string[];
}

const COUNT_FIELDS: ReadonlyArray<[string, keyof TeamBucket]> = [
  [METRIC.edits, 'edits'],
  [METRIC.accepted, 'accepted'],
  [METRIC.modified, 'modified'],
  [METRIC.rejected, 'rejected'],
  [METRIC.deleted, 'deleted'],
  [METRIC.proposalsRejected, 'proposalsRejected'],
  [METRIC.survivalChecked, 'survivalChecked'],
  [METRIC.survivalUnchanged, 'survivalUnchanged'],
  [METRIC.editsFixed, 'editsFixed'],
  [METRIC.linesAdded, 'linesAdded'],
];
/** Counts a bucket may lack (a client from before they existed): absent means 0, as the wire schema defaults them. */
const OPTIONAL_COUNT_FIELDS: ReadonlyArray<[string, keyof TeamBucket]> = [
  [METRIC.arcEdits, 'arcEdits'],
  [METRIC.arcAccepted, 'arcAccepted'],
  [METRIC.arcRetained, 'arcRetained'],
];
const COUNT_BY_METRIC = new Map([...COUNT_FIELDS, ...OPTIONAL_COUNT_FIELDS]);
const GAUGES = new Set<string>([
  METRIC.acceptanceRate,
  METRIC.rejectionRate,
  METRIC.survivalRate,
  METRIC.fixRate,
  METRIC.arcRate,
  METRIC.findingsPer100Lines,
  METRIC.scoreQuantile,
]);
const IDENTITY = ['installId', 'teamId', 'day', 'assistant', 'assistantVersion', 'model', 'language'] as const;
const MAX_REASONS = 5;

interface Draft {
  identity: Record<(typeof IDENTITY)[number], string> | undefined;
  values: Record<string, unknown>;
  findings: { loop?: number; oop?: number };
  points: number;
  error: string | undefined;
}

function stringAttr(attrs: readonly OtlpKeyValue[], key: string): string | undefined {
  const v = otlpAttribute(attrs, key);
  return typeof v === 'string' ? v : undefined;
}

/** Converts a decoded metrics request into validated TeamBuckets plus a count of rejected points. */
export function teamBucketsFromOtlp(request: OtlpMetricsRequest): TeamBucketsResult {
  const drafts = new Map<string, Draft>();
  const reasons = new Set<string>();
  let orphanPoints = 0;
  const reject = (reason: string): void => {
    if (reasons.size < MAX_REASONS) reasons.add(reason);
  };

  const draftFor = (attrs: readonly OtlpKeyValue[]): Draft | undefined => {
    const key = stringAttr(attrs, ATTR.idempotencyKey);
    if (key === undefined) {
      orphanPoints++;
      reject(`a point without ${ATTR.idempotencyKey}`);
      return undefined;
    }
    let d = drafts.get(key);
    if (!d) {
      d = { identity: undefined, values: {}, findings: {}, points: 0, error: undefined };
      drafts.set(key, d);
    }
    d.points++;
    const identity = {} as Record<(typeof IDENTITY)[number], string>;
    for (const f of IDENTITY) {
      const v = stringAttr(attrs, ATTR[f]);
      if (v === undefined) {
        d.error ??= `a point without ${ATTR[f]}`;
        return d;
      }
      identity[f] = v;
    }
    if (!d.identity) d.identity = identity;
    else if (IDENTITY.some((f) => d.identity![f] !== identity[f])) d.error ??= 'points of one idempotency key disagree on their attributes';
    return d;
  };
  const set = (d: Draft, field: string, value: unknown): void => {
    if (d.values[field] !== undefined) d.error ??= `${field} sent twice for one bucket`;
    d.values[field] = value;
  };

  for (const rm of request.resourceMetrics) {
    for (const sm of rm.scopeMetrics) {
      for (const m of sm.metrics) {
        const countField = COUNT_BY_METRIC.get(m.name);
        const data = m.data;
        if (countField !== undefined || m.name === METRIC.findings) {
          if (data.kind !== 'sum') {
            orphanPoints += data.kind === 'other' ? data.pointCount : data.points.length;
            reject(`${m.name} is not a sum`);
            continue;
          }
          const temporalityOk = data.temporality === 1 && data.monotonic;
          for (const p of data.points) {
            const d = draftFor(p.attributes);
            if (!d) continue;
            if (!temporalityOk) d.error ??= `${m.name} is not a delta monotonic sum`;
            if (m.name === METRIC.findings) {
              const family = stringAttr(p.attributes, ATTR.ruleFamily);
              if (family !== 'loop' && family !== 'oop') d.error ??= `${m.name} without a known ${ATTR.ruleFamily}`;
              else if (d.findings[family] !== undefined) d.error ??= `${m.name} ${family} sent twice for one bucket`;
              else d.findings[family] = p.value;
            } else set(d, countField!, p.value);
          }
        } else if (m.name === METRIC.score) {
          if (data.kind !== 'histogram') {
            orphanPoints += data.kind === 'other' ? data.pointCount : data.points.length;
            reject(`${m.name} is not a histogram`);
            continue;
          }
          for (const p of data.points) {
            const d = draftFor(p.attributes);
            if (!d) continue;
            if (data.temporality !== 1) d.error ??= `${m.name} is not delta`;
            if (p.explicitBounds.length !== SCORE_BOUNDS.length || p.explicitBounds.some((b, i) => b !== SCORE_BOUNDS[i])) {
              d.error ??= `${m.name} has bounds other than SCORE_BOUNDS`;
            }
            set(d, 'scoreHistogram', p.bucketCounts);
            set(d, 'scoreCount', p.count);
            set(d, 'scoreSum', p.sum ?? 0);
          }
        } else if (GAUGES.has(m.name) && data.kind === 'gauge') {
          for (const p of data.points) draftFor(p.attributes);
        } else {
          orphanPoints += data.kind === 'other' ? data.pointCount : data.points.length;
          reject(`unknown metric ${JSON.stringify(m.name.slice(0, 60))}`);
        }
      }
    }
  }

  const buckets: TeamBucket[] = [];
  let rejectedPoints = orphanPoints;
  for (const [idempotencyKey, d] of drafts) {
    if (!d.error && d.identity) {
      for (const [name, f] of COUNT_FIELDS) if (d.values[f] === undefined) d.error ??= `${name} missing`;
      if (d.values.scoreHistogram === undefined) d.error ??= `${METRIC.score} missing`;
      if (d.findings.loop === undefined || d.findings.oop === undefined) d.error ??= `${METRIC.findings} missing a rule family`;
    }
    if (!d.error && d.identity) {
      const parsed = TeamBucket.safeParse({ ...d.identity, idempotencyKey, ...d.values, findings: d.findings });
      if (parsed.success) {
        buckets.push(parsed.data);
        continue;
      }
      const issue = parsed.error.issues[0];
      d.error = `invalid ${issue?.path.join('.') ?? 'bucket'}: ${issue?.message ?? 'rejected'}`;
    }
    rejectedPoints += d.points;
    reject(d.error ?? 'bucket without identity attributes');
  }
  return { buckets, rejectedPoints, reasons: [...reasons] };
}
