import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** What the lint benchmarks (bench/lint.bench.ts, bench/tsperf.bench.ts) share: the peer configuration, limits, timing of whole processes. */

// ESLint rules comparable to Driftwatch's TS/JS rules (syntax-only, like Driftwatch: no type information).
export const ESLINT_CONFIG = `
import tseslint from 'typescript-eslint';
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-await-in-loop': 'warn', 'no-loop-func': 'warn', 'class-methods-use-this': 'warn', 'no-self-assign': 'warn',
      'no-constructor-return': 'warn', 'no-useless-constructor': 'off', 'max-classes-per-file': 'off',
      '@typescript-eslint/prefer-for-of': 'warn', '@typescript-eslint/no-useless-constructor': 'warn',
      '@typescript-eslint/no-extraneous-class': 'warn', '@typescript-eslint/no-misused-new': 'warn',
      '@typescript-eslint/class-literal-property-style': 'warn', '@typescript-eslint/no-this-alias': 'warn',
    } },
];
`;

/** Limits off: the scaling inputs are deliberately large; a budget skip would hide the time being measured. */
export const UNBOUNDED = { maxChars: 100_000_000, maxLineLength: 100_000_000, timeBudgetMs: 600_000 };

/** Wall times of an external command run in `cwd`, `runs` of them after one warm-up run (whole processes). */
export function timeCommandIn(cwd: string, cmd: string, args: string[], runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { cwd, stdio: 'ignore' });
    if (r.error) throw r.error;
    if (i > 0) times.push(performance.now() - t);
  }
  return times;
}

/**
 * The whole-process floor of a lint CLI on tree-sitter, as a median wall time of `runs` runs (after a warm-up run):
 * bench/support/parseFloor.mjs — start node, load the parser on `threads` threads and parse every file, nothing else.
 */
export function parseFloorProcess(root: string, languageId: 'python' | 'typescript', files: string[], threads: number, runs: number): number {
  const times = timeCommandIn(root, process.execPath, [path.join(root, 'bench', 'support', 'parseFloor.mjs'), languageId, String(threads), ...files], runs);
  return [...times].sort((a, b) => a - b)[times.length >> 1] as number;
}
