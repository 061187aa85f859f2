/**
 * The one lint engine of the extension host, shared by the Problems panel and capture's region linting. The engine,
 * its rules and the tree-sitter runtime load on first use (never at activation); wasm files are read through
 * `workspace.fs` from the extension's `dist/grammars`, which works the same in the Node and the web extension host.
 * A failed load is logged and retried on the next use.
 */
import * as vscode from 'vscode';
import type { Linter } from '../../core/lint/engine.js';
import type { Logger } from '../logger.js';

export type LinterProvider = () => Promise<Linter>;

export function createLazyLinter(extensionUri: vscode.Uri, logger: Logger): LinterProvider {
  let linter: Promise<Linter> | undefined;
  return () => {
    if (linter) return linter;
    const loading = (async () => {
      const [{ Linter }, { TreeSitterRuntime }, { ALL_RULES }] = await Promise.all([
        import('../../core/lint/engine.js'),
        import('../../core/lint/treeSitter.js'),
        import('../../core/lint/registry.js'),
      ]);
      const source = { loadBytes: async (name: string) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'grammars', name)) };
      return new Linter(new TreeSitterRuntime(source), ALL_RULES, { warn: (m) => logger.warn(m) });
    })();
    linter = loading;
    loading.catch((err: unknown) => {
      logger.error(`lint: the engine could not load: ${err instanceof Error ? err.message : String(err)}`);
      if (linter === loading) linter = undefined;
    });
    return loading;
  };
}
