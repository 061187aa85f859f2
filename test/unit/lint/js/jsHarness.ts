/** Shorthands for JS-family rule tests: lint a snippet as TS/JS/TSX and get the 1-based lines of one rule. */
import type { Finding } from '../../../../src/core/lint/rule.js';
import { linter } from '../lintHarness.js';

export type JsLanguage = 'typescript' | 'javascript' | 'typescriptreact' | 'javascriptreact';

export async function lintJs(source: string, ruleId: string, languageId: JsLanguage = 'typescript'): Promise<Finding[]> {
  const result = await linter().lintText(source, languageId, { rules: [ruleId] });
  return result.findings;
}

/** 1-based lines of a rule's findings in `source`. */
export async function jsLines(source: string, ruleId: string, languageId: JsLanguage = 'typescript'): Promise<number[]> {
  return (await lintJs(source, ruleId, languageId)).map((f) => f.range.start.line + 1);
}
