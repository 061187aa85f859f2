/**
 * Per-rule precision from user feedback: precision = 1 − notAProblem / findings, where findings are the rule's
 * findings seen in assistant edits (`open` finding records) and notAProblem the "Not a problem" verdicts, both read
 * from daily rollups (never from raw events). A rule with no findings yet has no precision.
 */
import type { DailyRollup } from '../store/rollup.js';

export interface RulePrecision {
  readonly ruleId: string;
  readonly findings: number;
  readonly notAProblem: number;
  /** Between 0 and 1; undefined while the rule has no findings. */
  readonly precision: number | undefined;
}

export function rulePrecision(rollups: readonly DailyRollup[]): Map<string, RulePrecision> {
  const findings = new Map<string, number>();
  const feedback = new Map<string, number>();
  for (const r of rollups) {
    for (const b of Object.values(r.buckets)) {
      for (const [rule, c] of Object.entries(b.findings)) findings.set(rule, (findings.get(rule) ?? 0) + c.open);
    }
    for (const [rule, n] of Object.entries(r.feedback)) feedback.set(rule, (feedback.get(rule) ?? 0) + n);
  }
  const out = new Map<string, RulePrecision>();
  for (const rule of new Set([...findings.keys(), ...feedback.keys()])) {
    const f = findings.get(rule) ?? 0;
    const n = feedback.get(rule) ?? 0;
    // Feedback can exceed the findings recorded in assistant edits (whole-file mode shows more): clamp at 0.
    out.set(rule, { ruleId: rule, findings: f, notAProblem: n, precision: f > 0 ? Math.max(0, 1 - n / f) : undefined });
  }
  return out;
}
