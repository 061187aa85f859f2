/**
 * A day file cut at EVERY byte offset (a crash mid-write), read in chunks of random size through the backend's line
 * splitter: every record whose line is complete before the cut is recovered, at most one (the cut one) is rejected.
 */
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { decodeLine } from '../../../src/core/store/recordCodec.js';
import { splitLines } from '../../../src/node/jsonlBackend.js';
import type { FuzzFamily } from '../registry.js';
import { recordWithId } from './records.js';

const FILE = Buffer.from(Array.from({ length: 8 }, (_, i) => JSON.stringify(recordWithId(`t${i}`, i * 7, i)) + '\n').join(''));

async function* chunks(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

const FULL_LINES = new Set(FILE.toString('utf8').split('\n').filter((l) => l !== ''));
let nextCut = 0;

export const storeTruncation: FuzzFamily<number> = {
  name: 'store.truncation',
  runs: FILE.length + 1,
  // The cut offset is enumerated in order (every offset once per npm test run); the read chunk size is random.
  arbitrary: fc.integer({ min: 1, max: 700 }),
  async check(chunk) {
    const cut = nextCut++ % (FILE.length + 1);
    const data = FILE.subarray(0, cut);
    // A cut right after a closing brace leaves a complete record without its newline: that one is recovered too.
    const complete = data.toString('utf8').split('\n').filter((l) => FULL_LINES.has(l)).length;
    let events = 0;
    let corrupt = 0;
    for await (const line of splitLines(chunks(data, chunk), 1 << 20)) {
      assert.equal(typeof line, 'string');
      if ((line as string).trim() === '') continue;
      const d = decodeLine(line as string);
      if (d.type === 'event') events++;
      else corrupt++;
    }
    assert.equal(events, complete, `cut at ${cut}`);
    assert.ok(corrupt <= 1);
  },
};
