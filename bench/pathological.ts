/**
 * Generators for the pathological inputs of issue 10, shared by the completion tests (test/unit/lint/bounded.test.ts)
 * and the scaling benchmark (bench/lint.bench.ts). `generate(n)` builds a file of size n (lines, classes or levels).
 */
import type { LintLanguageId } from '../src/core/lint/languages.js';

export interface PathologicalInput {
  readonly languageId: LintLanguageId;
  /** What n counts. */
  readonly unit: string;
  generate(n: number): string;
}

const repeat = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join('');

export const PATHOLOGICAL = {
  /** One-line JS loops with a linear membership test and an index lookup each. */
  jsLoops: {
    languageId: 'javascript',
    unit: 'lines',
    generate: (n: number) => 'const a = [], b = [], c = []; let s = 0;\n' + repeat(n, () => 'for (let i = 0; i < a.length; i++) { for (const j of b) { if (c.includes(j)) s += a[i]; } }\n'),
  },
  /** A TypeScript inheritance chain of small classes. */
  tsChain: {
    languageId: 'typescript',
    unit: 'classes',
    generate: (n: number) => 'class C0 { m(): number { return 0; } }\n' + repeat(n, (i) => `class C${i + 1} extends C${i} { m${i}(): number { return this.m(); } }\n`),
  },
  /** JS loops nested n deep around one string concatenation. */
  jsNestedLoops: {
    languageId: 'javascript',
    unit: 'levels',
    generate: (n: number) => "let s = '';\n" + 'for (const x of xs) {\n'.repeat(n) + 's += String(x);\n' + '}\n'.repeat(n),
  },
  /** Python loops nested n deep around one string concatenation. */
  pyNestedLoops: {
    languageId: 'python',
    unit: 'levels',
    generate: (n: number) => "s = ''\n" + repeat(n, (i) => `${' '.repeat(i)}for x${i} in xs:\n`) + `${' '.repeat(n)}s += str(x0)\n`,
  },
  /** Python classes nested n deep with one method at the bottom that grows a string in a loop. */
  pyNestedClasses: {
    languageId: 'python',
    unit: 'levels',
    generate: (n: number) => {
      const pad = ' '.repeat(n);
      return repeat(n, (i) => `${' '.repeat(i)}class K${i}:\n`) + `${pad}def m(self):\n${pad} s = ''\n${pad} for x in self.xs:\n${pad}  s += x\n${pad} return s\n`;
    },
  },
  /** A Python inheritance chain of small classes. */
  pyChain: {
    languageId: 'python',
    unit: 'classes',
    generate: (n: number) => 'class C0:\n    def m(self):\n        return self.x\n' + repeat(n, (i) => `class C${i + 1}(C${i}):\n    def m${i}(self):\n        return self.m()\n`),
  },
  /** A subclass method with n empty block comments before a `super` call. */
  superComments: {
    languageId: 'typescript',
    unit: 'comments',
    generate: (n: number) => `class A { m() {} }\nclass B extends A { m() { ${'/**/ '.repeat(n)}super.m(); } }\n`,
  },
  /** `x.a<.a<.a<…` on one line. */
  genericChain: {
    languageId: 'typescript',
    unit: 'links',
    generate: (n: number) => `x.a${'<.a'.repeat(n)}\n`,
  },
  /** n `s += x` lines in one Python loop. */
  pyConcat: {
    languageId: 'python',
    unit: 'lines',
    generate: (n: number) => 's = ""\nfor x in xs:\n' + '    s += x\n'.repeat(n),
  },
  /** n `s += x` lines in one JS loop. */
  jsConcat: {
    languageId: 'javascript',
    unit: 'lines',
    generate: (n: number) => 'let s = "";\nfor (const x of xs) {\n' + '  s += x;\n'.repeat(n) + '}\n',
  },
} satisfies Record<string, PathologicalInput>;
