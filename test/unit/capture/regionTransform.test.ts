import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { overlapOf, transformRegion, transformRegionAll, type Region } from '../../../src/core/capture/regionTransform.js';
import { applyChange, type TextChange } from '../../../src/core/capture/textChange.js';

const doc = 'aaaa[REGION]bbbb';
const region: Region = { start: 4, end: 12 }; // "[REGION]"
const at = (text: string, r: Region): string => text.slice(r.start, r.end);

describe('capture/regionTransform', () => {
  it('shifts a region when text is inserted or deleted before it', () => {
    const ins: TextChange = { offset: 1, removedLength: 0, text: 'XYZ' };
    const r = transformRegion(region, ins);
    assert.deepEqual(r, { start: 7, end: 15 });
    assert.equal(at(applyChange(doc, ins), r), '[REGION]');
    const del: TextChange = { offset: 0, removedLength: 3, text: '' };
    assert.deepEqual(transformRegion(region, del), { start: 1, end: 9 });
  });

  it('treats insertions exactly at the boundaries as outside (continuing, not repairing)', () => {
    assert.equal(overlapOf(region, { offset: 4, removedLength: 0, text: 'x' }), 'before');
    assert.equal(overlapOf(region, { offset: 12, removedLength: 0, text: 'x' }), 'after');
    assert.deepEqual(transformRegion(region, { offset: 4, removedLength: 0, text: 'xx' }), { start: 6, end: 14 });
    assert.deepEqual(transformRegion(region, { offset: 12, removedLength: 0, text: 'xx' }), region);
  });

  it('grows or shrinks with edits inside it', () => {
    const c: TextChange = { offset: 6, removedLength: 2, text: 'gggg' };
    const r = transformRegion(region, c);
    assert.equal(overlapOf(region, c), 'inside');
    assert.equal(at(applyChange(doc, c), r), '[RggggION]');
  });

  it('keeps the replacement of a partial overlap inside the region', () => {
    // Replace "aa[RE" (offset 2..7) by "Q": the surviving "GION]" plus "Q".
    const c: TextChange = { offset: 2, removedLength: 5, text: 'Q' };
    const r = transformRegion(region, c);
    assert.equal(overlapOf(region, c), 'overlaps');
    assert.equal(at(applyChange(doc, c), r), 'QGION]');
    // Tail overlap: replace "ON]bb" by "W".
    const c2: TextChange = { offset: 9, removedLength: 5, text: 'W' };
    assert.equal(at(applyChange(doc, c2), transformRegion(region, c2)), '[REGIW');
  });

  it('collapses to an empty region when a change swallows it, and when it is undone exactly', () => {
    const covers: TextChange = { offset: 2, removedLength: 12, text: 'zz' };
    assert.equal(overlapOf(region, covers), 'covers');
    assert.deepEqual(transformRegion(region, covers), { start: 2, end: 2 });
    const undo: TextChange = { offset: 4, removedLength: 8, text: '' };
    assert.deepEqual(transformRegion(region, undo), { start: 4, end: 4 });
  });

  it('applies the changes of one event in order', () => {
    const changes: TextChange[] = [
      { offset: 14, removedLength: 0, text: '!!' },
      { offset: 0, removedLength: 0, text: '>>' },
    ];
    const r = transformRegionAll(region, changes);
    let text = doc;
    for (const c of changes) text = applyChange(text, c);
    assert.equal(at(text, r), '[REGION]');
  });

  describe('properties', () => {
    const arb = fc
      .record({ pre: fc.string({ maxLength: 20 }), body: fc.string({ minLength: 1, maxLength: 20 }), post: fc.string({ maxLength: 20 }) })
      .chain(({ pre, body, post }) => {
        const text = pre + body + post;
        return fc.record({
          pre: fc.constant(pre),
          body: fc.constant(body),
          post: fc.constant(post),
          offset: fc.integer({ min: 0, max: text.length }),
          len: fc.integer({ min: 0, max: text.length }),
          insert: fc.string({ maxLength: 10 }),
        });
      });

    it('a region always stays inside the document', () => {
      fc.assert(
        fc.property(arb, ({ pre, body, post, offset, len, insert }) => {
          const text = pre + body + post;
          const c: TextChange = { offset, removedLength: Math.min(len, text.length - offset), text: insert };
          const r = transformRegion({ start: pre.length, end: pre.length + body.length }, c);
          const after = applyChange(text, c);
          return r.start >= 0 && r.start <= r.end && r.end <= after.length;
        }),
      );
    });

    it('a change that does not touch the region leaves its text intact', () => {
      fc.assert(
        fc.property(arb, ({ pre, body, post, offset, len, insert }) => {
          const text = pre + body + post;
          const region = { start: pre.length, end: pre.length + body.length };
          const c: TextChange = { offset, removedLength: Math.min(len, text.length - offset), text: insert };
          const kind = overlapOf(region, c);
          fc.pre(kind === 'before' || kind === 'after');
          return at(applyChange(text, c), transformRegion(region, c)) === body;
        }),
      );
    });

    it('a change inside the region is applied to the region text', () => {
      fc.assert(
        fc.property(arb, ({ pre, body, post, offset, len, insert }) => {
          const text = pre + body + post;
          const region = { start: pre.length, end: pre.length + body.length };
          const c: TextChange = { offset, removedLength: Math.min(len, text.length - offset), text: insert };
          fc.pre(overlapOf(region, c) === 'inside');
          const expected = applyChange(body, { offset: c.offset - region.start, removedLength: c.removedLength, text: c.text });
          return at(applyChange(text, c), transformRegion(region, c)) === expected;
        }),
      );
    });

    it('a sequence of disjoint edits around the region preserves it (many events)', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.boolean(), fc.string({ maxLength: 5 })), { maxLength: 30 }), (edits) => {
          let text = 'head|BODY|tail';
          let r: Region = { start: 5, end: 9 };
          for (const [before, s] of edits) {
            const c: TextChange = before ? { offset: 0, removedLength: 0, text: s } : { offset: text.length, removedLength: 0, text: s };
            r = transformRegion(r, c);
            text = applyChange(text, c);
          }
          return at(text, r) === 'BODY';
        }),
      );
    });
  });
});
