/**
 * The per-edit quality score (0–100) and its components.
 *
 * Formula (documented in the README, "Scoring"): four components, each a quality in [0, 1] where 1 is best,
 * combined as a weighted mean over the components that are KNOWN for the edit (a component whose evidence has not
 * arrived yet — e.g. survival before the first checkpoint — is left out and the remaining weights are renormalised),
 * then scaled to 0–100.
 *
 *   lint        = exp(-LINT_DECAY · Σ severityWeight(finding) / max(1, linesChanged))
 *                 findings open at insertion, per changed line, weighted error 3 / warning 1 / info 0.25
 *   diagnostics = exp(-(introducedErrors + DIAG_WARNING_WEIGHT · introducedWarnings))
 *                 language-server problems the edit introduced once it settled
 *   survival    = 4-gram survival at the latest checkpoint up to 5 min (0 when the region was deleted or the edit was
 *                 rejected/undone)
 *   fixes       = exp(-FIX_DECAY · fixCount) · (1 − min(1, fixChars / max(1, charsInserted)))
 *                 human follow-up fixes: how often and how much of the edit had to be repaired
 *
 *   score = 100 · Σ wᵢ·cᵢ / Σ wᵢ   (over known components; weights from `driftwatch.score.weights`)
 *
 * Exponential decays keep every component strictly inside [0, 1] without clamping artefacts, and make the first
 * problem cost the most, which matches how users judge an edit ("it had an error" matters more than "it had four").
 */
import type { OutcomeKind, Severity } from '../schema/events.js';

/** Relative weights of the score components. Any non-negative numbers; they are normalised. */
export interface ScoreWeights {
  lint: number;
  diagnostics: number;
  survival: number;
  fixes: number;
}

export const DEFAULT_SCORE_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({ lint: 0.4, diagnostics: 0.2, survival: 0.25, fixes: 0.15 });

export const SCORE_COMPONENTS = ['lint', 'diagnostics', 'survival', 'fixes'] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

/** How much one finding of each severity counts, in "warning equivalents". */
export const SEVERITY_WEIGHT: Readonly<Record<Severity, number>> = Object.freeze({ error: 3, warning: 1, info: 0.25 });
/** One weighted finding per 10 changed lines gives lint ≈ 0.61; one per 2 lines ≈ 0.08. */
export const LINT_DECAY = 5;
export const DIAG_WARNING_WEIGHT = 0.3;
export const FIX_DECAY = 0.35;
/** Survival is read at the latest checkpoint up to this many seconds (the panel's "survival@5 min"). */
export const SURVIVAL_CHECKPOINT_S = 300;

/** Everything the score needs to know about one assistant edit. */
export interface ScoreInputs {
  /** Lines the edit added or changed (at least 1 is assumed for the density). */
  linesChanged: number;
  charsInserted: number;
  /** Findings attributed to the edit's region at insertion (status `open`, `at` 0). */
  findings: readonly { severity: Severity }[];
  /** Settled diagnostics delta; undefined while the region has not settled. */
  diagnostics?: { introducedErrors: number; introducedWarnings: number };
  /** The latest survival checkpoint ≤ 5 min; undefined before the first checkpoint. */
  survival?: { fourGramSurvival: number; regionDeleted: boolean };
  /** Human follow-up fixes seen so far. */
  fixes: { count: number; chars: number };
  /** Final outcome, when known. A rejected edit survives 0 by definition. */
  outcome?: OutcomeKind;
}

export interface EditScore {
  /** 0–100, rounded to one decimal. */
  score: number;
  /** Each known component as 0–100 (one decimal), plus `findingsWeighted` (raw weighted finding count). */
  components: Partial<Record<ScoreComponent, number>> & { findingsWeighted: number };
  linesChanged: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const finiteNonNeg = (x: number): number => (Number.isFinite(x) && x > 0 ? x : 0);

/** Component qualities in [0, 1] for the known components. Exported so tests and the panel can show them. */
export function scoreComponents(inputs: ScoreInputs): { values: Partial<Record<ScoreComponent, number>>; findingsWeighted: number } {
  const lines = Math.max(1, finiteNonNeg(inputs.linesChanged));
  const findingsWeighted = inputs.findings.reduce((sum, f) => sum + (SEVERITY_WEIGHT[f.severity] ?? 0), 0);
  const values: Partial<Record<ScoreComponent, number>> = {
    lint: Math.exp(-LINT_DECAY * (findingsWeighted / lines)),
  };
  if (inputs.diagnostics) {
    const d = inputs.diagnostics;
    values.diagnostics = Math.exp(-(finiteNonNeg(d.introducedErrors) + DIAG_WARNING_WEIGHT * finiteNonNeg(d.introducedWarnings)));
  }
  if (inputs.outcome === 'rejected' || inputs.outcome === 'deleted') {
    values.survival = 0;
  } else if (inputs.survival) {
    values.survival = inputs.survival.regionDeleted ? 0 : Math.min(1, finiteNonNeg(inputs.survival.fourGramSurvival));
  }
  const fixShare = Math.min(1, finiteNonNeg(inputs.fixes.chars) / Math.max(1, finiteNonNeg(inputs.charsInserted)));
  values.fixes = Math.exp(-FIX_DECAY * finiteNonNeg(inputs.fixes.count)) * (1 - fixShare);
  return { values, findingsWeighted };
}

/**
 * Scores one assistant edit. Pure and deterministic: the capture layer calls it when an edit is finalised and stores
 * the result as an `edit-score` record. Negative or non-finite weights count as 0; if every weight is 0 the default
 * weights are used, so a broken setting can never produce NaN.
 */
export function scoreEdit(inputs: ScoreInputs, weights: Readonly<ScoreWeights> = DEFAULT_SCORE_WEIGHTS): EditScore {
  let w = normaliseWeights(weights);
  const { values, findingsWeighted } = scoreComponents(inputs);
  let total = 0;
  let weightSum = 0;
  const known = (Object.keys(values) as ScoreComponent[]).filter((k) => values[k] !== undefined);
  if (known.every((k) => w[k] === 0)) w = DEFAULT_SCORE_WEIGHTS;
  for (const k of known) {
    total += w[k] * values[k]!;
    weightSum += w[k];
  }
  const score = weightSum > 0 ? round1((100 * total) / weightSum) : 100;
  const components: EditScore['components'] = { findingsWeighted: round1(findingsWeighted) };
  for (const k of known) components[k] = round1(100 * values[k]!);
  return { score: Math.min(100, Math.max(0, score)), components, linesChanged: Math.max(0, Math.round(finiteNonNeg(inputs.linesChanged))) };
}

/** Replaces negative / non-finite weights by 0. */
export function normaliseWeights(weights: Readonly<ScoreWeights>): ScoreWeights {
  const clean = (x: number): number => (Number.isFinite(x) && x > 0 ? x : 0);
  return { lint: clean(weights.lint), diagnostics: clean(weights.diagnostics), survival: clean(weights.survival), fixes: clean(weights.fixes) };
}
