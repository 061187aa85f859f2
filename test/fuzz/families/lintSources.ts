/**
 * Lint sources (each ≤ 2 KB: the engine's worst cases are being fixed elsewhere): random text and bytes, invalid
 * UTF-8, deep nesting, long lines, syntax errors, mutated real files from the rule corpus. No throw may escape;
 * a rule that throws is logged by the engine and collected in `ruleCrashes` for the fuzz report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as fc from 'fast-check';
import { Linter } from '../../../src/core/lint/engine.js';
import { ALL_RULES } from '../../../src/core/lint/registry.js';
import { TreeSitterRuntime } from '../../../src/core/lint/treeSitter.js';
import { NodeWasmSource } from '../../../src/node/grammarFiles.js';
import type { FuzzFamily } from '../registry.js';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const LANGS = ['python', 'typescript', 'javascript', 'typescriptreact'] as const;
const MAX = 2048;

function corpus(): string[] {
  const out: string[] = [];
  for (const lang of ['python', 'typescript', 'javascript']) {
    const dir = path.join(repoRoot, 'test', 'corpus', lang);
    for (const rule of readdirSync(dir).slice(0, 40)) {
      for (const f of readdirSync(path.join(dir, rule)).slice(0, 2)) out.push(readFileSync(path.join(dir, rule, f), 'utf8').slice(0, MAX));
    }
  }
  return out;
}

const SAMPLES = corpus();
/** Warnings the engine logged: a rule that threw on some input. Reported by the fuzz script; also a test failure. */
export const ruleCrashes: string[] = [];
let engine: Linter | undefined;

const source = fc.oneof(
  fc.string({ maxLength: MAX }),
  fc.uint8Array({ maxLength: MAX }).map((b) => new TextDecoder().decode(b)),
  fc.tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom('(', '[', '{', 'if x:\n', 'def f():\n', 'class A:\n', 'for x in y:\n')).map(([n, open]) =>
    open.endsWith('\n') ? Array.from({ length: Math.min(n, 60) }, (_, i) => ' '.repeat(i) + open).join('').slice(0, MAX) : open.repeat(Math.min(n, MAX)),
  ),
  fc.integer({ min: 100, max: MAX - 10 }).map((n) => `x = ${'a + '.repeat(n / 4)}1`.slice(0, MAX)),
  fc.tuple(fc.constantFrom(...SAMPLES), fc.nat(MAX), fc.nat(40), fc.string({ maxLength: 20 })).map(([s, at, del, ins]) => {
    const i = at % (s.length + 1);
    return (s.slice(0, i) + ins + s.slice(i + del)).slice(0, MAX);
  }),
);

export const lintSources: FuzzFamily<{ text: string; lang: (typeof LANGS)[number] }> = {
  name: 'lint.sources',
  runs: 200,
  arbitrary: fc.record({ text: source, lang: fc.constantFrom(...LANGS) }),
  async setup() {
    engine ??= new Linter(new TreeSitterRuntime(NodeWasmSource.forRoot(repoRoot)), ALL_RULES, { warn: (m) => ruleCrashes.push(m) });
  },
  async check({ text, lang }) {
    await engine!.lintText(text, lang);
  },
};
