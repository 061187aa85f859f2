/**
 * One install's day as team wire buckets: versioned rollup buckets → {@link TeamBucket}s, with k-anonymity.
 *
 * k counts assistant edits per (assistant, version, model, language) cell. A cell below k is dropped whole, and no
 * bucket sums over cells, so no total or rate that includes a suppressed cell can be published; one small dimension
 * (a rare language, a fresh version) suppresses exactly the cells it makes small. The counters come from the panel's
 * metric accumulator ({@link addBucket}) where it has them, so the team sees the numbers the user sees.
 */
import { ruleMeta } from '../lint/ruleCatalog.js';
import { addBucket, emptyMetrics } from '../panel/metrics.js';
import { idempotencyKey } from './installId.js';
import { MIN_K, SCORE_BOUNDS, TeamBucket, type RuleFamily } from './teamWire.js';
import type { VersionedBucket } from './versionedRollup.js';

/** Why a cell was left out, for the preview and logs (counts only, never a value). */
export interface SuppressionSummary {
  /** Cells with fewer than k edits. */
  belowK: number;
  /** Edits in those cells. */
  editsBelowK: number;
  /** Cells the wire cannot carry safely (a model name shaped like a path, a value outside the label alphabet). */
  invalid: number;
}

export interface TeamDay {
  buckets: TeamBucket[];
  suppressed: SuppressionSummary;
}

export interface TeamDayOptions {
  day: string;
  installId: string;
  teamId: string;
  /** Minimum edits per cell; values below {@link MIN_K} are raised to it. */
  k?: number;
}

/** The k actually applied: configurable upwards only. */
export function effectiveK(k: number | undefined): number {
  return k !== undefined && Number.isFinite(k) ? Math.max(MIN_K, Math.floor(k)) : MIN_K;
}

const LABEL = /^[\w@.+:/-]*$/;

/**
 * A dimension value as the wire may carry it, or undefined when it must not leave: over-long, outside the label
 * alphabet, or shaped like a file path (a local model path could name the user's home folder). Model ids such as
 * `openai/gpt-4o` keep their single slash.
 */
export function wireLabel(value: string): string | undefined {
  const v = value.trim();
  if (v.length > 128 || !LABEL.test(v)) return undefined;
  if (/^[./~]/.test(v) || v.includes('//') || (v.match(/\//g)?.length ?? 0) > 1 || /\.(gguf|bin|safetensors|onnx|pt)$/i.test(v)) return undefined;
  return v;
}

function familyOf(ruleId: string): RuleFamily | undefined {
  const family = ruleMeta(ruleId)?.family ?? ruleId.slice(0, ruleId.indexOf('.'));
  return family === 'loop' || family === 'oop' ? family : undefined;
}

/** Builds the day's wire buckets from its versioned rollup buckets, dropping every cell below k. */
export async function buildTeamDay(cells: readonly VersionedBucket[], options: TeamDayOptions): Promise<TeamDay> {
  const k = effectiveK(options.k);
  const suppressed: SuppressionSummary = { belowK: 0, editsBelowK: 0, invalid: 0 };
  const buckets: TeamBucket[] = [];
  for (const { assistantVersion, bucket: b } of cells) {
    if (b.edits < k) {
      if (b.edits > 0 || b.proposals.rejected > 0 || b.outcomes.accepted + b.outcomes.modified + b.outcomes.rejected + b.outcomes.deleted > 0) {
        suppressed.belowK++;
        suppressed.editsBelowK += b.edits;
      }
      continue;
    }
    const assistant = wireLabel(b.assistant);
    const version = wireLabel(assistantVersion);
    const model = wireLabel(b.model);
    const language = wireLabel(b.language);
    if (assistant === undefined || version === undefined || model === undefined || language === undefined) {
      suppressed.invalid++;
      continue;
    }
    const acc = emptyMetrics();
    addBucket(acc, b);
    const findings = { loop: 0, oop: 0 };
    for (const [ruleId, f] of Object.entries(b.findings)) {
      const family = familyOf(ruleId);
      if (family) findings[family] += f.open;
    }
    const hist = b.scores.bounded && b.scores.bounded.length === SCORE_BOUNDS.length + 1 ? b.scores.bounded : undefined;
    const cell = { installId: options.installId, day: options.day, assistant, assistantVersion: version, model, language };
    const candidate: TeamBucket = {
      ...cell,
      teamId: options.teamId,
      idempotencyKey: await idempotencyKey(cell),
      edits: acc.edits,
      accepted: b.outcomes.accepted,
      modified: b.outcomes.modified,
      rejected: b.outcomes.rejected,
      deleted: b.outcomes.deleted,
      proposalsRejected: b.proposals.rejected,
      survivalChecked: acc.checked5,
      survivalUnchanged: acc.unchanged5,
      editsFixed: acc.editsFixed,
      linesAdded: acc.lines,
      findings,
      // A rollup without the wire histogram (saved by an older build) publishes no score rather than a wrong one.
      scoreHistogram: hist ? [...hist] : new Array<number>(SCORE_BOUNDS.length + 1).fill(0),
      scoreCount: hist ? acc.scoreN : 0,
      scoreSum: hist ? acc.scoreSum : 0,
      arcEdits: b.arc?.['300']?.n ?? 0,
      arcAccepted: acc.arcAccepted5,
      arcRetained: acc.arcRetained5,
    };
    const parsed = TeamBucket.safeParse(candidate);
    if (!parsed.success) {
      suppressed.invalid++;
      continue;
    }
    buckets.push(parsed.data);
  }
  buckets.sort((a, b) => (a.idempotencyKey < b.idempotencyKey ? -1 : a.idempotencyKey > b.idempotencyKey ? 1 : 0));
  return { buckets, suppressed };
}
