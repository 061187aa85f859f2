import assert from 'node:assert/strict';
import { decodeLine } from '../../../src/core/store/recordCodec.js';

const valid = {
  schema: 1,
  id: 'a1',
  ts: 1_790_000_000_000,
  tz: 0,
  kind: 'feedback',
  ruleId: 'loop.manual-index',
  verdict: 'not-a-problem',
};

describe('record codec', () => {
  it('decodes a valid record', () => {
    const d = decodeLine(JSON.stringify(valid));
    assert.equal(d.type, 'event');
  });
  it('classifies damage precisely and never throws', () => {
    const cases: [string, string][] = [
      ['', 'empty line'],
      ['{"schema":1,"id":"x","ts":1', 'truncated JSON'],
      ['[1,2]', 'not a JSON object'],
      ['null', 'not a JSON object'],
      ['{"id":"x"}', 'missing or invalid schema version'],
      [JSON.stringify({ ...valid, ruleId: 'Not A Rule' }), 'invalid feedback record: ruleId'],
    ];
    for (const [line, reason] of cases) {
      const d = decodeLine(line);
      assert.ok(d.type === 'corrupt', `${line} should be corrupt, was ${d.type}`);
      assert.ok(d.reason.startsWith(reason), `${line} → ${d.reason}`);
    }
  });
  it('preserves newer schema versions and unknown kinds as future records', () => {
    assert.equal(decodeLine(JSON.stringify({ ...valid, schema: 2 })).type, 'future');
    assert.equal(decodeLine(JSON.stringify({ ...valid, kind: 'something-new' })).type, 'future');
  });
});
