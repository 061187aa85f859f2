import { strict as assert } from 'node:assert';
import { HumanActivityCounter } from '../../../src/core/capture/humanActivity.js';
import { diskChanges } from '../../../src/core/capture/diskDiff.js';
import { applyChanges } from '../../../src/core/capture/textChange.js';
import { textHash as hashOf, VerdictLedger } from '../../../src/core/capture/verdictLedger.js';
import type { DriftEventInput } from '../../../src/core/schema/events.js';
import { ManualClock } from '../../../src/core/util/clock.js';

describe('capture/humanActivity', () => {
  it('emits per-provenance counters once per period, assistant characters apart, and nothing for an idle period', () => {
    const clock = new ManualClock(1_000);
    const out: DriftEventInput[] = [];
    const c = new HumanActivityCounter(clock, (r) => out.push(r), 60_000);
    c.count('typed', 1);
    c.count('typed', 1);
    c.count('paste', 120);
    c.count('ai-inline', 40);
    clock.advance(60_000);
    assert.deepEqual(out, [{ kind: 'human-activity', periodStart: 1_000, periodEnd: 61_000, chars: { typed: 2, paste: 120 }, changes: { typed: 2, paste: 1 }, assistantChars: 40 }]);
    clock.advance(600_000);
    c.flush();
    assert.equal(out.length, 1);
  });
});

describe('capture/diskDiff', () => {
  it('turns a rewrite on disk into line hunks that reproduce the new text when applied in order', () => {
    const before = 'a\nb\nc\nd\n';
    const after = 'a\nB\nc\nd\ne\nf\n';
    const changes = diskChanges(before, after);
    assert.equal(applyChanges(before, changes), after);
    assert.deepEqual(
      changes.map((c) => [c.offset, c.removedLength, c.text]),
      [
        [8, 0, 'e\nf\n'],
        [2, 2, 'B\n'],
      ],
    );
    assert.deepEqual(diskChanges('same', 'same'), []);
  });
});

describe('capture/verdictLedger', () => {
  it('finds a recent verdict by document and whitespace-insensitive text, and forgets it after the TTL', () => {
    const ledger = new VerdictLedger();
    const text = 'return a +\n  b;';
    ledger.record({ uri: 'file:///a.ts', offset: 4, textHash: hashOf(text), provenance: 'ai-inline', editId: 'e1', at: 1_000 });
    assert.equal(ledger.find('file:///a.ts', 'return a + b;', 2_000)?.editId, 'e1');
    assert.equal(ledger.find('file:///b.ts', 'return a + b;', 2_000), undefined);
    assert.equal(ledger.find('file:///a.ts', 'return a + b;', 1_000 + 3 * 60_000), undefined);
    assert.equal(ledger.size, 1);
  });
});
