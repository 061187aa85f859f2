/**
 * The lint engine (src/core/lint) behind capture's `RegionLinter` contract. The engine, its rules and the tree-sitter
 * runtime load on the first lint (never at activation); wasm files are read through `workspace.fs` from the extension's
 * `dist/grammars`, which works the same in the Node and the web extension host.
 */
import * as vscode from 'vscode';
import type { RegionFinding, RegionLinter } from '../../core/capture/regionLinter.js';
import type { Linter } from '../../core/lint/engine.js';
import { isLintLanguage } from '../../core/lint/languages.js';
import type { Logger } from '../logger.js';

export function createCaptureLinter(extensionUri: vscode.Uri, logger: Logger): RegionLinter {
  let linter: Promise<Linter> | undefined;
  const load = (): Promise<Linter> =>
    (linter ??= (async () => {
      const [{ Linter }, { TreeSitterRuntime }, { ALL_RULES }] = await Promise.all([
        import('../../core/lint/engine.js'),
        import('../../core/lint/treeSitter.js'),
        import('../../core/lint/registry.js'),
      ]);
      const source = { loadBytes: async (name: string) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'grammars', name)) };
      return new Linter(new TreeSitterRuntime(source), ALL_RULES, { warn: (m) => logger.warn(m) });
    })());
  return {
    supports: (languageId) => isLintLanguage(languageId),
    async lint(text, languageId): Promise<RegionFinding[]> {
      const result = await (await load()).lintText(text, languageId);
      if (result.skipped) logger.debug(`capture: lint skipped a ${languageId} document (${result.skipped.reason})`);
      return result.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, range: f.range, message: f.message }));
    },
  };
}
