import { strict as assert } from 'node:assert';
import { candidateRegions, removedTextsOf } from '../../../src/core/capture/candidateRegions.js';
import { decodeText } from '../../../src/core/capture/decodeText.js';
import { applyChanges, type TextChange } from '../../../src/core/capture/textChange.js';

describe('removedTextsOf', () => {
  it('returns the text each change removed, applying the changes in order', () => {
    const before = 'alpha beta gamma';
    // VS Code orders multi-range changes last-to-first: each offset is valid in the text the earlier ones produced.
    const changes: TextChange[] = [
      { offset: 11, removedLength: 5, text: 'GAMMA' },
      { offset: 0, removedLength: 5, text: 'A' },
    ];
    assert.deepEqual(removedTextsOf(before, changes), ['gamma', 'alpha']);
  });

  it('sees the text an earlier change of the same event produced', () => {
    const changes: TextChange[] = [
      { offset: 0, removedLength: 0, text: 'xyz' },
      { offset: 1, removedLength: 3, text: '' },
    ];
    assert.deepEqual(removedTextsOf('abc', changes), ['', 'yza']);
  });
});

describe('candidateRegions', () => {
  it('gives one region per insert, in the coordinates of the text after the whole event', () => {
    const before = 'const a = 1;\n\n\n\n\n\nconst b = 2;\n';
    const changes: TextChange[] = [
      { offset: 19, removedLength: 0, text: 'export function two() { return 2; }\n' },
      { offset: 0, removedLength: 0, text: 'export function one() { return 1; }\n' },
    ];
    const after = applyChanges(before, changes);
    const regions = candidateRegions(after, changes, removedTextsOf(before, changes));
    assert.equal(regions.length, 2);
    assert.deepEqual(regions.map((r) => r.original), ['export function one() { return 1; }\n', 'export function two() { return 2; }\n']);
    for (const r of regions) assert.equal(after.slice(r.region.start, r.region.end), r.original);
  });

  it('merges hunks at most two lines apart (a replacement VS Code reduced to a minimal diff)', () => {
    const before = 'let total = 0;\nfor (x of xs) total += x;\nreturn total;\n';
    const changes: TextChange[] = [
      { offset: 15 + 26, removedLength: 13, text: 'return sum;' },
      { offset: 0, removedLength: 14, text: 'let sum = 0;' },
    ];
    const after = applyChanges(before, changes);
    const regions = candidateRegions(after, changes, removedTextsOf(before, changes));
    assert.equal(regions.length, 1);
    const [r] = regions;
    assert.equal(r!.original, after.slice(0, r!.region.end));
    assert.ok(r!.original.startsWith('let sum = 0;') && r!.original.endsWith('return sum;'));
    assert.equal(r!.inserted, 'return sum;'.length + 'let sum = 0;'.length);
    assert.equal(r!.removed, 27);
    // In document order, like the region.
    assert.equal(r!.removedText, 'let total = 0;return total;');
  });

  it('keeps hunks far apart separate and skips whitespace-only inserts', () => {
    const filler = 'x\n'.repeat(10);
    const before = `a\n${filler}b\n`;
    const changes: TextChange[] = [
      { offset: before.length, removedLength: 0, text: 'const tail = 1;\n' },
      { offset: 2, removedLength: 0, text: '   \n' },
      { offset: 0, removedLength: 0, text: 'const head = 1;\n' },
    ];
    const after = applyChanges(before, changes);
    const regions = candidateRegions(after, changes, undefined);
    assert.deepEqual(regions.map((r) => r.original), ['const head = 1;\n', 'const tail = 1;\n']);
    assert.ok(regions.every((r) => r.removedText === undefined && r.linesRemoved === 0));
  });
});

describe('decodeText', () => {
  const enc = new TextEncoder();
  it('decodes UTF-8 text', () => assert.equal(decodeText(enc.encode('export const café = "été";\n')), 'export const café = "été";\n'));
  it('rejects binary content (a NUL in the first 8 KB)', () => assert.equal(decodeText(new Uint8Array([0x65, 0x78, 0x00, 0x70])), undefined));
  it('rejects text that is not valid UTF-8 (Latin-1)', () => assert.equal(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a])), undefined));
  it('reads an empty file as empty text', () => assert.equal(decodeText(new Uint8Array()), ''));
});
