/** The shared lint engine (src/host/lint/lazyLinter.ts) behind capture's `RegionLinter` contract. */
import type { RegionFinding, RegionLinter } from '../../core/capture/regionLinter.js';
import type { LinterProvider } from '../lint/lazyLinter.js';
import { isLintLanguage } from '../../core/lint/languages.js';
import type { Logger } from '../logger.js';

export function createCaptureLinter(load: LinterProvider, logger: Logger): RegionLinter {
  return {
    supports: (languageId) => isLintLanguage(languageId),
    async lint(text, languageId): Promise<RegionFinding[]> {
      const result = await (await load()).lintText(text, languageId);
      if (result.skipped) logger.debug(`capture: lint skipped a ${languageId} document (${result.skipped.reason})`);
      return result.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, range: f.range, message: f.message }));
    },
  };
}
