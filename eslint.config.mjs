// typescript-eslint flat config. The import boundary is the architecture: src/core is pure (no vscode, no Node
// built-ins, no host code) so it runs in Node, the web worker host, the webview and the CLI alike.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';


const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'readline', 'url', 'util', 'worker_threads', 'zlib', 'events'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'test/fixtures/**/*.js', 'test/fixtures/workspace/**', 'samples/**', 'test/corpus/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      eqeqeq: ['error', 'smart'],
      // `import { z } from 'zod'` pulls every zod locale into the bundle (+360 KB minified); the namespace import tree-shakes.
      'no-restricted-syntax': [
        'error',
        { selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']", message: "Use `import * as z from 'zod'`: the named `z` export defeats tree-shaking (+360 KB)." },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core is pure: adapt VS Code in src/host.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src/core runs in browsers too: put Node APIs in src/node.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'src/core runs in browsers too: put Node APIs in src/node.' },
            { group: ['**/host/**', '**/node/**', '**/web/**', '**/webview/**', '**/cli/**'], message: 'src/core must not depend on adapters.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/webview/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The webview is browser code; talk to the host through src/protocol.' }],
          patterns: [{ group: ['node:*', '**/host/**', '**/node/**'], message: 'The webview cannot use host or Node code.' }],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs', 'bench/**/*.mjs', '.vscode-test.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', fetch: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', AbortController: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.ts', 'src/cli/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs'],
    // CommonJS source type brings require/module/exports; files name other Node globals in a /* global */ comment.
    languageOptions: { sourceType: 'commonjs' },
  },
);
