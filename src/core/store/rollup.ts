/**
 * Daily rollups: per local day, per (assistant, model, language), the counters every chart and the drift detector
 * need. They are updated incrementally as records are appended, so the panel never rescans raw events.
 *
 * A record about an edit is rolled up under the day of the EDIT (`ref.editTs`/`ref.editTz`), not the day it was
 * written, so an edit's 15-minute survival that lands after midnight still counts for the day the edit was made.
 */
import * as z from 'zod';
import { Severity as SeveritySchema, type DriftEvent, type EditRef, type Severity } from '../schema/events.js';
import { editSizeClass, type EditSizeClass } from './editSize.js';
import { dayOf, type Day } from '../time/day.js';
import { scoreBoundsIndex } from '../team/scoreBounds.js';
import { SCORE_BOUNDS } from '../team/teamWire.js';
import { MAX_TIMESTAMP_MS } from './recordLimits.js';
import { LEGACY_RULE_SET } from '../lint/ruleSet.js';

// v2: score component sums per bucket (scores.components), so the panel can show what drives the score.
// v3: fingerprints cover every writer's partition of a day (one file per day per window), records de-duplicated by id.
// v4: rule-set versions per day (`ruleSets`, `ruleSetChecks`, `ruleSetChanges`) and re-scored edits (`rescore` records).
export const ROLLUP_VERSION = 4;
/** Score histogram: 21 bins of width 5 (bin 20 holds exactly 100). */
export const SCORE_BINS = 21;

export interface SurvivalCounters {
  n: number;
  unchanged: number;
  fourGramSum: number;
}

/** ARC at one checkpoint: edits measured, characters accepted (trimmed) and retained. */
export interface ArcCounters {
  n: number;
  accepted: number;
  retained: number;
}

export interface RuleCounters {
  severity: Severity;
  open: number;
  fixed: number;
  notAProblem: number;
}

export interface Bucket {
  assistant: string;
  model: string;
  language: string;
  /**
   * Edit-size class of the edits in this bucket (drift stratifies by it). Absent for records written before edit
   * references carried the edit's size; such buckets hold every size.
   */
  size?: EditSizeClass;
  edits: number;
  byProvenance: Record<string, number>;
  byChannel: Record<string, number>;
  linesAdded: number;
  charsInserted: number;
  outcomes: { accepted: number; rejected: number; modified: number; deleted: number };
  proposals: { accepted: number; rejected: number; unknown: number };
  /** Keyed by checkpoint seconds. */
  survival: Record<string, SurvivalCounters>;
  /**
   * ARC keyed by checkpoint seconds (inline and chat schedules share 0 and 300). Optional: rollups saved before ARC
   * existed lack it (there were no ARC records to count then).
   */
  arc?: Record<string, ArcCounters>;
  fixes: { count: number; chars: number; editsFixed: number; msToFirstFixSum: number };
  findings: Record<string, RuleCounters>;
  diagnostics: { settledErrors: number; settledWarnings: number; introducedErrors: number; introducedWarnings: number };
  /** Final edit scores: count, sum, 21-bin histogram, and per-component sums over the edits that had the component. */
  scores: {
    n: number;
    sum: number;
    hist: number[];
    components: Record<string, { n: number; sum: number }>;
    /**
     * The same scores binned by the team wire's upper-inclusive {@link SCORE_BOUNDS} (21 entries). Optional: rollups
     * saved before it existed lack it, and the team upload re-derives its day from raw records anyway.
     */
    bounded?: number[];
  };
}

export interface DailyRollup {
  v: number;
  day: Day;
  /** Keyed by `bucketKey(assistant, model, language, size)`. */
  buckets: Record<string, Bucket>;
  human: { chars: Record<string, number>; changes: Record<string, number> };
  /** Assistant version / model changes seen that day, for chart markers. */
  versions: { ts: number; assistant: string; version?: string; previousVersion?: string; model?: string; previousModel?: string }[];
  /** Feedback per rule, whatever the edit. */
  feedback: Record<string, number>;
  events: number;
  /**
   * Final-scored edits per rule-set version of the evidence their numbers come from (after re-scoring: the newest
   * rule set per edit; `legacy` for records from before versions existed). The panel breaks the trend where it changes.
   */
  ruleSets: Record<string, number>;
  /** Edits looked at by a re-score under a rule set that could not re-lint them (text not stored), per rule set. */
  ruleSetChecks: Record<string, number>;
  /** Rule-set changes recorded that day, for chart markers. */
  ruleSetChanges: { ts: number; ruleSet: string; previousRuleSet?: string }[];
}

export function bucketKey(assistant: string, model: string | undefined, language: string, size?: EditSizeClass): string {
  // Without a size the key is exactly the pre-size key, so rollups persisted before sizes existed keep merging.
  return `${assistant}\u0001${model ?? ''}\u0001${language}${size !== undefined ? `\u0001${size}` : ''}`;
}

export function emptyRollup(day: Day): DailyRollup {
  return { v: ROLLUP_VERSION, day, buckets: {}, human: { chars: {}, changes: {} }, versions: [], feedback: {}, events: 0, ruleSets: {}, ruleSetChecks: {}, ruleSetChanges: [] };
}

export function emptyBucket(assistant: string, model: string | undefined, language: string, size?: EditSizeClass): Bucket {
  return {
    assistant,
    model: model ?? '',
    language,
    ...(size !== undefined ? { size } : {}),
    edits: 0,
    byProvenance: {},
    byChannel: {},
    linesAdded: 0,
    charsInserted: 0,
    outcomes: { accepted: 0, rejected: 0, modified: 0, deleted: 0 },
    proposals: { accepted: 0, rejected: 0, unknown: 0 },
    survival: {},
    fixes: { count: 0, chars: 0, editsFixed: 0, msToFirstFixSum: 0 },
    findings: {},
    diagnostics: { settledErrors: 0, settledWarnings: 0, introducedErrors: 0, introducedWarnings: 0 },
    scores: { n: 0, sum: 0, hist: new Array<number>(SCORE_BINS).fill(0), components: {}, bounded: new Array<number>(SCORE_BOUNDS.length + 1).fill(0) },
  };
}

/**
 * The bucket of a day that records about an edit fold into (created when missing). Records about an edit land in the
 * edit's size bucket only when their reference carries the size; the edit record itself follows the same convention
 * (`sized`), so an edit and its findings never end up in different strata.
 */
export function bucketOfRef(r: DailyRollup, ref: EditRef): Bucket {
  const size = ref.lines !== undefined ? editSizeClass(ref.lines) : undefined;
  const key = bucketKey(ref.assistant, ref.model, ref.language, size);
  return (r.buckets[key] ??= emptyBucket(ref.assistant, ref.model, ref.language, size));
}

/** The rollup day a record belongs to. */
export function rollupDayOf(event: DriftEvent): Day {
  if ('ref' in event) return dayOf(event.ref.editTs, event.ref.editTz);
  return dayOf(event.ts, event.tz);
}

function inc(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (map[key] ?? 0) + by;
}

/**
 * Folds one record into the rollup map (creating the day when needed). Returns the day touched.
 *
 * Records that describe an edit's state more than once (outcome, score) are counted once per edit by convention of
 * their producers: capture emits one final outcome and one final score per edit.
 */
export function applyToRollups(rollups: Map<Day, DailyRollup>, event: DriftEvent): Day {
  const day = rollupDayOf(event);
  let r = rollups.get(day);
  if (!r) {
    r = emptyRollup(day);
    rollups.set(day, r);
  }
  r.events++;
  const bucketFor = (assistant: string, model: string | undefined, language: string, size?: EditSizeClass): Bucket => {
    const key = bucketKey(assistant, model, language, size);
    let b = r.buckets[key];
    if (!b) {
      b = emptyBucket(assistant, model, language, size);
      r.buckets[key] = b;
    }
    return b;
  };

  const refBucket = (ref: EditRef): Bucket => bucketOfRef(r, ref);
  switch (event.kind) {
    case 'assistant-edit': {
      const b = bucketFor(event.assistant, event.model, event.language, event.sized ? editSizeClass(event.linesAdded) : undefined);
      b.edits++;
      inc(b.byProvenance, event.provenance);
      inc(b.byChannel, event.channel);
      b.linesAdded += event.linesAdded;
      b.charsInserted += event.charsInserted;
      break;
    }
    case 'proposal': {
      // A rejected decision linked to an edit the editor recorded (Copilot Chat's "undo" of a hunk it had applied) is
      // counted once, by that edit's `rejected` outcome. (No stored proposal had that shape before: unchanged rollups.)
      if (event.decision === 'rejected' && event.matchedEditId !== undefined) break;
      const b = bucketFor(event.assistant, event.model, event.language ?? 'unknown');
      b.proposals[event.decision]++;
      break;
    }
    case 'edit-outcome': {
      const b = refBucket(event.ref);
      b.outcomes[event.outcome]++;
      break;
    }
    case 'survival': {
      const b = refBucket(event.ref);
      const key = String(event.checkpoint);
      const s = (b.survival[key] ??= { n: 0, unchanged: 0, fourGramSum: 0 });
      s.n++;
      if (event.unchanged) s.unchanged++;
      s.fourGramSum += event.fourGramSurvival;
      break;
    }
    case 'arc': {
      const b = refBucket(event.ref);
      const a = ((b.arc ??= {})[String(event.checkpoint)] ??= { n: 0, accepted: 0, retained: 0 });
      a.n++;
      a.accepted += event.acceptedChars;
      a.retained += event.retainedChars;
      break;
    }
    case 'follow-up-fix': {
      const b = refBucket(event.ref);
      b.fixes.count++;
      b.fixes.chars += event.charsChanged;
      if (event.fixIndex === 1) {
        b.fixes.editsFixed++;
        b.fixes.msToFirstFixSum += event.msSinceEdit;
      }
      break;
    }
    case 'finding': {
      foldFinding(refBucket(event.ref), event.ruleId, event.severity, event.status === 'open' ? 1 : 0, event.status === 'fixed' ? 1 : 0);
      break;
    }
    case 'diagnostics': {
      if (event.at !== 0) break;
      const b = refBucket(event.ref);
      b.diagnostics.settledErrors += event.errors;
      b.diagnostics.settledWarnings += event.warnings;
      b.diagnostics.introducedErrors += event.introducedErrors;
      b.diagnostics.introducedWarnings += event.introducedWarnings;
      break;
    }
    case 'edit-score': {
      if (!event.final) break;
      foldScore(refBucket(event.ref), event.score, event.components, 1);
      inc(r.ruleSets, event.ruleSet ?? LEGACY_RULE_SET);
      break;
    }
    case 'rescore': {
      // A re-score restates the edit's lint evidence; the records it supersedes are taken out by `Supersession`
      // when the day is rebuilt (the store rebuilds a day after writing re-scores to it, never folds them one by one).
      if (event.status === 'no-text') {
        inc(r.ruleSetChecks, event.ruleSet);
        break;
      }
      const b = refBucket(event.ref);
      for (const f of event.findings) foldFinding(b, f.ruleId, f.severity, f.open, f.fixed);
      if (event.score !== undefined) {
        foldScore(b, event.score, event.components ?? {}, 1);
        inc(r.ruleSets, event.ruleSet);
      }
      break;
    }
    case 'rule-set': {
      r.ruleSetChanges.push({ ts: event.ts, ruleSet: event.ruleSet, ...(event.previousRuleSet !== undefined ? { previousRuleSet: event.previousRuleSet } : {}) });
      break;
    }
    case 'feedback': {
      inc(r.feedback, event.ruleId);
      break;
    }
    case 'assistant-version': {
      r.versions.push({
        ts: event.ts,
        assistant: event.assistant,
        ...(event.version !== undefined ? { version: event.version } : {}),
        ...(event.previousVersion !== undefined ? { previousVersion: event.previousVersion } : {}),
        ...(event.model !== undefined ? { model: event.model } : {}),
        ...(event.previousModel !== undefined ? { previousModel: event.previousModel } : {}),
      });
      break;
    }
    case 'human-activity': {
      for (const [k, v] of Object.entries(event.chars)) inc(r.human.chars, k, v ?? 0);
      for (const [k, v] of Object.entries(event.changes)) inc(r.human.changes, k, v ?? 0);
      break;
    }
  }
  return day;
}

/** Adds (sign 1) or takes out (sign -1) findings of one rule; the one place finding counters change. */
export function foldFinding(b: Bucket, ruleId: string, severity: Severity, open: number, fixed: number, sign: 1 | -1 = 1): void {
  const f = (b.findings[ruleId] ??= { severity, open: 0, fixed: 0, notAProblem: 0 });
  f.open += sign * open;
  f.fixed += sign * fixed;
}

/** Adds (sign 1) or takes out (sign -1) one final score; the one place score counters change. */
export function foldScore(b: Bucket, score: number, components: Readonly<Record<string, number>>, sign: 1 | -1): void {
  b.scores.n += sign;
  b.scores.sum += sign * score;
  const bin = Math.min(SCORE_BINS - 1, Math.max(0, Math.floor(score / 5)));
  b.scores.hist[bin] = (b.scores.hist[bin] ?? 0) + sign;
  if (b.scores.bounded) {
    const upper = scoreBoundsIndex(score);
    b.scores.bounded[upper] = (b.scores.bounded[upper] ?? 0) + sign;
  }
  for (const [name, value] of Object.entries(components)) {
    if (!Number.isFinite(value)) continue;
    const c = (b.scores.components[name] ??= { n: 0, sum: 0 });
    c.n += sign;
    c.sum += sign * value;
  }
}

const count = z.number().finite().nonnegative();
const sum = z.number().finite();
const counts = z.record(z.string(), count);

/**
 * The shape of a persisted rollup. A saved rollup whose fingerprint matches but whose shape does not (hand-edited,
 * written by a buggy build, damaged in a way that is still valid JSON) is rebuilt from raw events instead of being
 * handed to the panel, `report` and the drift detector, which trust every field.
 */
const BucketShape = z.object({
  assistant: z.string(),
  model: z.string(),
  language: z.string(),
  edits: count,
  byProvenance: counts,
  byChannel: counts,
  linesAdded: count,
  charsInserted: count,
  outcomes: z.object({ accepted: count, rejected: count, modified: count, deleted: count }),
  proposals: z.object({ accepted: count, rejected: count, unknown: count }),
  survival: z.record(z.string(), z.object({ n: count, unchanged: count, fourGramSum: count })),
  arc: z.record(z.string(), z.object({ n: count, accepted: count, retained: count })).optional(),
  fixes: z.object({ count, chars: count, editsFixed: count, msToFirstFixSum: count }),
  findings: z.record(z.string(), z.object({ severity: SeveritySchema, open: count, fixed: count, notAProblem: count })),
  diagnostics: z.object({ settledErrors: count, settledWarnings: count, introducedErrors: count, introducedWarnings: count }),
  scores: z.object({
    n: count,
    sum,
    hist: z.array(count).length(SCORE_BINS),
    components: z.record(z.string(), z.object({ n: count, sum })),
  }),
});

const DailyRollupShape = z.object({
  v: z.literal(ROLLUP_VERSION),
  day: z.string(),
  buckets: z.record(z.string(), BucketShape),
  human: z.object({ chars: counts, changes: counts }),
  versions: z.array(
    z.object({
      ts: count.max(MAX_TIMESTAMP_MS),
      assistant: z.string(),
      version: z.string().optional(),
      previousVersion: z.string().optional(),
      model: z.string().optional(),
      previousModel: z.string().optional(),
    }),
  ),
  feedback: counts,
  events: count,
  ruleSets: counts,
  ruleSetChecks: counts,
  ruleSetChanges: z.array(z.object({ ts: count.max(MAX_TIMESTAMP_MS), ruleSet: z.string(), previousRuleSet: z.string().optional() })),
});

/** Returns why a persisted rollup for `day` cannot be trusted, or `undefined` when its shape is right. */
export function rollupShapeProblem(day: Day, value: unknown): string | undefined {
  const parsed = DailyRollupShape.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return issue ? `${issue.path.join('.') || 'rollup'}: ${issue.message}` : 'wrong shape';
  }
  if (parsed.data.day !== day) return `rollup is for ${parsed.data.day}, filed under ${day}`;
  return undefined;
}
