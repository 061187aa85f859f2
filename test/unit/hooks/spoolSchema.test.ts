import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseSpoolRecord } from '../../../src/core/hooks/hookRecords.js';
import { spoolJsonSchema } from '../../../src/core/hooks/spoolSchema.js';

describe('hooks/spool format documentation', () => {
  it('docs/spool.schema.json is the schema generated from the zod record (regenerate it when the record changes)', () => {
    assert.deepEqual(JSON.parse(readFileSync('docs/spool.schema.json', 'utf8')), spoolJsonSchema());
  });

  it('every JSON example in docs/spool.md is a valid record', () => {
    const examples = [...readFileSync('docs/spool.md', 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    assert.ok(examples.length >= 4);
    for (const e of examples) {
      const r = parseSpoolRecord(e, 'doc');
      assert.ok(r.ok && r.signal, `${e}: ${r.ok ? 'no signal' : r.reason}`);
    }
  });
});
