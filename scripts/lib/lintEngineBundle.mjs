// Bundles the lint engine's TypeScript sources once into out/<name>.mjs and returns a ready Linter, for Node scripts
// that evaluate rules in-process (scripts/eval-peers.mjs).
import * as esbuild from 'esbuild';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @param {string} root repository root
 * @param {string} name bundle file name without extension
 * @returns {Promise<{ engine: any, linter: any }>}
 */
export async function loadLintEngine(root, name) {
  const outFile = path.join(root, 'out', `${name}.mjs`);
  await mkdir(path.dirname(outFile), { recursive: true });
  await esbuild.build({
    stdin: {
      contents: `
        export { Linter } from './src/core/lint/engine.ts';
        export { ALL_RULES } from './src/core/lint/registry.ts';
        export { TreeSitterRuntime } from './src/core/lint/treeSitter.ts';
        export { languageForFileName } from './src/core/lint/languages.ts';
        export { ruleMeta } from './src/core/lint/ruleCatalog.ts';
        export { NodeWasmSource } from './src/node/grammarFiles.ts';
        export { ClassIndex, CLASS_INDEX_RULES, indexesLanguage, lineageSources, moduleCandidates, replaceRuleFindings, summarizeClasses } from './src/core/lint/js/classIndex.ts';
      `,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: outFile,
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const engine = await import(`${pathToFileURL(outFile).href}?t=${Date.now()}`);
  const linter = new engine.Linter(new engine.TreeSitterRuntime(engine.NodeWasmSource.forRoot(root)), engine.ALL_RULES, {
    warn: (m) => console.warn(`[${name}] ${m}`),
  });
  return { engine, linter };
}
