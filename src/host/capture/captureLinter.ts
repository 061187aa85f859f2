/** The editor's lint worker (src/host/lint/lintWorkerClient.ts) behind capture's `RegionLinter` contract. */
import type { RegionFinding, RegionLinter } from '../../core/capture/regionLinter.js';
import type { LintWorkerClient } from '../lint/lintWorkerClient.js';
import { isLintLanguage } from '../../core/lint/languages.js';
import type { Logger } from '../logger.js';

export function createCaptureLinter(worker: LintWorkerClient, logger: Logger): RegionLinter {
  // Known once the worker has answered a lint (the engine loads on first use, never at activation).
  let ruleSet: string | undefined;
  return {
    get ruleSet() {
      return ruleSet;
    },
    supports: (languageId) => isLintLanguage(languageId),
    async lint(text, languageId): Promise<RegionFinding[]> {
      if (!isLintLanguage(languageId)) return [];
      const result = await worker.lintText(text, languageId);
      // Zero findings would score the edit as clean: an unanswered lint is a failure capture logs.
      if (!result) throw new Error('the lint worker did not answer');
      if (result.ruleSet !== undefined) ruleSet = result.ruleSet;
      if (result.skipped) logger.debug(`capture: lint skipped a ${languageId} document (${result.skipped.reason})`);
      return result.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, range: f.range, message: f.message }));
    },
  };
}
