/**
 * What capture needs from a linter: whole-document findings with a rule id, a severity and a range. The lint engine
 * (src/core/lint) is adapted to this in the host; tests use small real linters written against the same contract.
 */
import type { Range, Severity } from '../schema/events.js';

export interface RegionFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** Where the finding is reported; its start is the anchor tested against the region. */
  readonly range: Range;
  readonly message?: string;
}

export interface RegionLinter {
  /** Rule-set id of the rules behind `lint` (`core/lint/ruleSet.ts`): tags every finding and score capture writes. */
  readonly ruleSet?: string;
  /** Whether this linter understands the language at all (skips the work otherwise). */
  supports(languageId: string): boolean;
  /** Lints a whole document. May reject; capture logs once and carries on without findings. */
  lint(text: string, languageId: string): Promise<readonly RegionFinding[]>;
}
