/** The shared lint engine (src/host/lint/lazyLinter.ts) behind capture's `RegionLinter` contract. */
import type { RegionFinding, RegionLinter } from '../../core/capture/regionLinter.js';
import type { LinterProvider } from '../lint/lazyLinter.js';
import { isLintLanguage } from '../../core/lint/languages.js';
import type { Logger } from '../logger.js';

export function createCaptureLinter(load: LinterProvider, logger: Logger): RegionLinter {
  // Known once the engine has loaded (it loads on first use, never at activation); nothing is linted before that.
  let ruleSet: string | undefined;
  return {
    get ruleSet() {
      return ruleSet;
    },
    supports: (languageId) => isLintLanguage(languageId),
    async lint(text, languageId): Promise<RegionFinding[]> {
      const linter = await load();
      ruleSet = linter.ruleSet;
      const result = await linter.lintText(text, languageId);
      if (result.skipped) logger.debug(`capture: lint skipped a ${languageId} document (${result.skipped.reason})`);
      return result.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, range: f.range, message: f.message }));
    },
  };
}
