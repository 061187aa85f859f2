import { strict as assert } from 'node:assert';
import { languageForFileName, languageIdForFileName } from '../../../src/core/lint/languages.js';

describe('languages: the one extension → language table', () => {
  const cases: [string, string][] = [
    ['src/a.ts', 'typescript'],
    ['src/a.mts', 'typescript'],
    ['src/a.cts', 'typescript'],
    ['types/a.d.ts', 'typescript'],
    ['src/A.TSX', 'typescriptreact'],
    ['pkg/stub.pyi', 'python'],
    ['tool.pyw', 'python'],
    ['x.mjs', 'javascript'],
    ['x.cjs', 'javascript'],
    ['README.md', 'markdown'],
    ['package.json', 'json'],
    ['Makefile', 'plaintext'],
    ['dir.v2/Makefile', 'plaintext'],
    ['notes.txt', 'plaintext'],
  ];
  for (const [file, id] of cases) it(`${file} → ${id}`, () => assert.equal(languageIdForFileName(file), id));

  it('lint languages are the lintable subset of the same table', () => {
    assert.equal(languageForFileName('a.mts'), 'typescript');
    assert.equal(languageForFileName('a.pyi'), 'python');
    assert.equal(languageForFileName('README.md'), undefined);
    assert.equal(languageForFileName('Makefile'), undefined);
  });
});
