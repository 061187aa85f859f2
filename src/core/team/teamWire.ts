/**
 * The team wire contract: what one member's extension uploads for one day, and what the team collector accepts.
 *
 * Both sides speak OTLP/HTTP metrics (so any OpenTelemetry Collector can sit in front), but they agree on a neutral
 * record first: a {@link TeamBucket} is one day's aggregate for one (assistant, assistant version, model, language)
 * cell of one install. The upload client turns rollups into TeamBuckets and encodes them as OTLP; the collector
 * decodes OTLP back into TeamBuckets and stores them. Every metric below carries the {@link ATTR} point attributes.
 *
 * Counts are sent alongside rates so a team can pool members exactly (sum numerators and denominators) while a plain
 * OTLP backend can still chart the rates. Nothing here may ever hold source text, a path, a file or repository name,
 * an identifier from code, or a user or host name: the fields are closed enums, ids Driftwatch generates, and counts.
 */
import * as z from 'zod';

/** OTLP instrumentation scope and resource `service.name` of the upload. */
export const TEAM_SCOPE = 'driftwatch.team';
export const TEAM_SERVICE_NAME = 'driftwatch';

/** Smallest k: a cell with fewer assistant edits than this is never published (configurable upwards only). */
export const MIN_K = 5;

/** Point attribute keys. Raw values, never a combined or hashed key. */
export const ATTR = {
  installId: 'driftwatch.install_id',
  teamId: 'driftwatch.team_id',
  idempotencyKey: 'driftwatch.idempotency_key',
  /** Local day the bucket aggregates, `YYYY-MM-DD`. */
  day: 'driftwatch.day',
  assistant: 'driftwatch.assistant',
  /** `''` when unknown. */
  assistantVersion: 'driftwatch.assistant_version',
  /** `''` when unknown. */
  model: 'driftwatch.model',
  language: 'driftwatch.language',
  /** Only on the findings metrics: `loop` or `oop`. */
  ruleFamily: 'driftwatch.rule_family',
  /** Only on {@link METRIC.scoreQuantile}: 0.25, 0.5 or 0.75 (a double). */
  quantile: 'driftwatch.quantile',
} as const;

/**
 * Metric names. Sums are delta, monotonic, with the point's start time at the local day's start and its time at the
 * day's end; gauges carry the day's end as their time.
 */
export const METRIC = {
  /** Sum, `{edit}`: assistant edits. k is counted on this value. */
  edits: 'driftwatch.edits',
  /** Sums, `{edit}`: final outcomes of those edits (accepted + modified + rejected + deleted = decided). */
  accepted: 'driftwatch.edits.accepted',
  modified: 'driftwatch.edits.modified',
  rejected: 'driftwatch.edits.rejected',
  deleted: 'driftwatch.edits.deleted',
  /** Sum, `{proposal}`: proposals rejected before they were applied (hooks, OTLP). */
  proposalsRejected: 'driftwatch.proposals.rejected',
  /** Gauges, ratio 0..1: (accepted + modified) / decided, and rejected / decided. */
  acceptanceRate: 'driftwatch.acceptance.rate',
  rejectionRate: 'driftwatch.rejection.rate',
  /** Sums, `{edit}`: edits checked at the 5-minute survival checkpoint, and those unchanged there. */
  survivalChecked: 'driftwatch.survival_5m.checked',
  survivalUnchanged: 'driftwatch.survival_5m.unchanged',
  /** Gauge, ratio: unchanged / checked. */
  survivalRate: 'driftwatch.survival_5m.rate',
  /** Sum, `{edit}`: edits that received at least one follow-up fix. */
  editsFixed: 'driftwatch.fixes.edits_fixed',
  /** Gauge, ratio: editsFixed / edits. */
  fixRate: 'driftwatch.fixes.rate',
  /**
   * Sums for ARC at 5 minutes (accepted-and-retained characters, VS Code's definition; README "ARC"): `{edit}` edits
   * measured at the 300 s checkpoint, and `{char}` the characters they inserted (net of what they replaced) and the
   * characters of those still there. Counts only. Optional on the wire: a client from before ARC sends none.
   */
  arcEdits: 'driftwatch.arc_5m.edits',
  arcAccepted: 'driftwatch.arc_5m.accepted_chars',
  arcRetained: 'driftwatch.arc_5m.retained_chars',
  /** Gauge, ratio: arcRetained / arcAccepted. */
  arcRate: 'driftwatch.arc_5m.rate',
  /** Sum, `{line}`: lines the assistant edits added. */
  linesAdded: 'driftwatch.lines_added',
  /** Sum, `{finding}`, with {@link ATTR.ruleFamily}: findings open at insertion. */
  findings: 'driftwatch.findings',
  /** Gauge, with {@link ATTR.ruleFamily}: 100 · findings / linesAdded. */
  findingsPer100Lines: 'driftwatch.findings.per_100_lines',
  /** Histogram of final edit scores (0–100), explicit bounds {@link SCORE_BOUNDS}. */
  score: 'driftwatch.edit.score',
  /** Gauge, with {@link ATTR.quantile}: score quantiles of the day's edits. */
  scoreQuantile: 'driftwatch.edit.score.quantile',
} as const;

/**
 * Histogram bounds for {@link METRIC.score}. OTLP explicit buckets are upper-inclusive: bucket 0 is (−∞, 5], bucket i
 * is (5i, 5(i+1)], the last is (100, +∞) and stays empty. A score is placed by `Math.ceil(score / 5) - 1`, clamped.
 */
export const SCORE_BOUNDS: readonly number[] = Array.from({ length: 20 }, (_, i) => 5 * (i + 1));

export const RULE_FAMILIES = ['loop', 'oop'] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

const label = z.string().max(128).regex(/^[\w@.+:/-]*$/);
const count = z.number().int().nonnegative().max(1e9);

/** One day's aggregate for one cell of one install: the neutral form both sides of the wire agree on. */
export const TeamBucket = z
  .object({
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    installId: z.string().regex(/^[0-9a-f]{32}$/),
    teamId: z.string().min(1).max(64).regex(/^[\w.-]+$/),
    idempotencyKey: z.string().regex(/^[0-9a-f]{64}$/),
    assistant: label,
    assistantVersion: label,
    model: label,
    language: label,
    edits: count,
    accepted: count,
    modified: count,
    rejected: count,
    deleted: count,
    proposalsRejected: count,
    survivalChecked: count,
    survivalUnchanged: count,
    editsFixed: count,
    linesAdded: count,
    findings: z.object({ loop: count, oop: count }),
    /** Counts per {@link SCORE_BOUNDS} bucket: 21 entries. */
    scoreHistogram: z.array(count).length(SCORE_BOUNDS.length + 1),
    scoreCount: count,
    scoreSum: z.number().nonnegative().max(1e11),
    /** ARC at 5 minutes ({@link METRIC.arcEdits} …); 0 from a client that predates it. */
    arcEdits: count.default(0),
    arcAccepted: count.default(0),
    arcRetained: count.default(0),
  })
  .refine((b) => b.arcRetained <= b.arcAccepted, { message: 'more characters retained than accepted', path: ['arcRetained'] });
export type TeamBucket = z.infer<typeof TeamBucket>;
