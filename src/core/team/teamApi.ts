/**
 * The collector's JSON API for pooled series (`GET /driftwatch/v1/series`), shared by the collector and the team
 * page: zod schemas for the response, and the conversion of published pooled cells into the daily rollups the
 * drift detector (src/core/drift) already understands, so team drift alerts use the same statistics as the sidebar.
 */
import * as z from 'zod';
import type { DriftReport } from '../drift/detectDrift.js';
import { DRIFT_WATCH } from '../drift/driftDefaults.js';
import { bucketKey, emptyBucket, emptyRollup, type DailyRollup } from '../store/rollup.js';
import type { Day } from '../time/day.js';
import { SCORE_BOUNDS } from './teamWire.js';

export const SERIES_PATH = '/driftwatch/v1/series';
export const ALERTS_PATH = '/driftwatch/v1/alerts';
export const FORGET_PATH = '/driftwatch/v1/forget';
export const METRICS_PATH = '/v1/metrics';

const count = z.number().nonnegative();

/** One published pooled cell: a day × assistant × version × model, summed over members and languages. */
export const PooledCellSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  assistant: z.string().max(128),
  assistantVersion: z.string().max(128),
  model: z.string().max(128),
  members: count,
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
  findingsLoop: count,
  findingsOop: count,
  scoreHistogram: z.array(count).length(SCORE_BOUNDS.length + 1),
  scoreCount: count,
  scoreSum: count,
  /** ARC at 5 minutes: edits measured, characters accepted and retained (0 where members predate ARC). */
  arcEdits: count,
  arcAccepted: count,
  arcRetained: count,
});
export type PooledCellData = z.infer<typeof PooledCellSchema>;

const WindowSchema = z.object({ n: z.number(), value: z.number() });
/** A drift alert on the pooled series, as the API sends it (a subset of the detector's DriftAlert). */
export const TeamAlertSchema = z.object({
  key: z.string(),
  assistant: z.string(),
  version: z.string().optional(),
  title: z.string(),
  text: z.string(),
  metrics: z.array(z.object({ metric: z.string(), baseline: WindowSchema, recent: WindowSchema, pAdjusted: z.number() })),
});
export type TeamAlert = z.infer<typeof TeamAlertSchema>;

/**
 * The series API's answer. `alerts` is absent when the request said `alerts=0` (the team page asks for the charts'
 * data first and for the alerts separately, at {@link ALERTS_PATH}, since the drift tests cost more than the charts).
 */
/** What every pooled answer says it covers: the team, the inclusive day window and the k applied. */
const PooledWindow = { teamId: z.string(), since: z.string(), until: z.string(), k: z.number().int() };

export const SeriesResponseSchema = z.object({
  ...PooledWindow,
  cells: z.array(PooledCellSchema),
  members: z.array(z.object({ day: z.string(), members: count })),
  alerts: z.array(TeamAlertSchema).optional(),
});
export type SeriesResponse = z.infer<typeof SeriesResponseSchema>;

/** `GET /driftwatch/v1/alerts`: the drift alerts on the same published cells the series API returns. */
export const AlertsResponseSchema = z.object({
  ...PooledWindow,
  /** Which metrics could alert (`watch=` in the request; default all). */
  watch: z.enum(DRIFT_WATCH),
  alerts: z.array(TeamAlertSchema),
});
export type AlertsResponse = z.infer<typeof AlertsResponseSchema>;

/**
 * Published cells -> DailyRollups for {@link detectDrift}. Each cell becomes a bucket keyed by (assistant, model);
 * the assistant's most-used version per day becomes a version marker when it changes, so an alert can name the
 * update it follows. The score histogram keeps its 21 ordinal bins (Mann–Whitney only needs their order).
 */
export function pooledRollups(cells: readonly PooledCellData[]): DailyRollup[] {
  const byDay = new Map<string, DailyRollup>();
  const versionEdits = new Map<string, Map<string, Map<string, number>>>(); // day -> assistant -> version -> edits
  for (const c of cells) {
    let r = byDay.get(c.day);
    if (!r) byDay.set(c.day, (r = emptyRollup(c.day as Day)));
    const key = bucketKey(c.assistant, c.model, '');
    let b = r.buckets[key];
    if (!b) {
      b = emptyBucket(c.assistant, c.model, '');
      b.survival['300'] = { n: 0, unchanged: 0, fourGramSum: 0 };
      b.findings.loop = { severity: 'warning', open: 0, fixed: 0, notAProblem: 0 };
      b.findings.oop = { severity: 'warning', open: 0, fixed: 0, notAProblem: 0 };
    }
    r.buckets[key] = b;
    b.edits += c.edits;
    b.linesAdded += c.linesAdded;
    b.outcomes.accepted += c.accepted;
    b.outcomes.modified += c.modified;
    b.outcomes.rejected += c.rejected;
    b.outcomes.deleted += c.deleted;
    b.proposals.rejected += c.proposalsRejected;
    b.survival['300']!.n += c.survivalChecked;
    b.survival['300']!.unchanged += c.survivalUnchanged;
    b.fixes.editsFixed += c.editsFixed;
    b.findings.loop!.open += c.findingsLoop;
    b.findings.oop!.open += c.findingsOop;
    b.scores.n += c.scoreCount;
    b.scores.sum += c.scoreSum;
    c.scoreHistogram.forEach((n, i) => (b.scores.hist[i] = (b.scores.hist[i] ?? 0) + n));
    if (c.arcEdits > 0) {
      const arc = ((b.arc ??= {})['300'] ??= { n: 0, accepted: 0, retained: 0 });
      arc.n += c.arcEdits;
      arc.accepted += c.arcAccepted;
      arc.retained += c.arcRetained;
    }
    r.events += c.edits;
    let perAssistant = versionEdits.get(c.day);
    if (!perAssistant) versionEdits.set(c.day, (perAssistant = new Map()));
    let versions = perAssistant.get(c.assistant);
    if (!versions) perAssistant.set(c.assistant, (versions = new Map()));
    versions.set(c.assistantVersion, (versions.get(c.assistantVersion) ?? 0) + c.edits);
  }
  const rollups = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  const lastVersion = new Map<string, string>();
  for (const r of rollups) {
    for (const [assistant, versions] of versionEdits.get(r.day) ?? []) {
      const top = [...versions].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
      const previous = lastVersion.get(assistant);
      if (top && previous !== undefined && previous !== top) {
        r.versions.push({ ts: Date.parse(`${r.day}T00:00:00Z`), assistant, version: top, previousVersion: previous });
      }
      if (top) lastVersion.set(assistant, top);
    }
  }
  return rollups;
}

/** The API form of a drift report's alerts. */
export function teamAlerts(report: DriftReport, describe: (a: DriftReport['alerts'][number]) => { title: string; text: string }): TeamAlert[] {
  return report.alerts.map((a) => ({
    key: a.key,
    assistant: a.assistant,
    ...(a.version !== undefined ? { version: a.version } : {}),
    ...describe(a),
    metrics: a.metrics.map((m) => ({ metric: m.metric, baseline: m.baseline, recent: m.recent, pAdjusted: m.pAdjusted })),
  }));
}
