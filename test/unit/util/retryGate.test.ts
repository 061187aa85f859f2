import assert from 'node:assert/strict';
import { RetryGate } from '../../../src/core/util/retryGate.js';

describe('RetryGate (the drift worker is tried again after a back-off)', () => {
  it('is open until a failure, closed for the delay, open again after it', () => {
    const g = new RetryGate(60_000, 30 * 60_000);
    assert.ok(g.isOpen(0));
    assert.equal(g.fail(1_000), 60_000);
    assert.ok(!g.isOpen(1_000));
    assert.ok(!g.isOpen(60_999));
    assert.ok(g.isOpen(61_000));
  });

  it('doubles the delay per consecutive failure up to the cap, and a success starts over', () => {
    const g = new RetryGate(60_000, 30 * 60_000);
    const delays = Array.from({ length: 8 }, (_, i) => g.fail(i * 1e7));
    assert.deepEqual(delays.map((d) => d / 60_000), [1, 2, 4, 8, 16, 30, 30, 30]);
    assert.equal(g.failureCount, 8);
    g.succeed();
    assert.ok(g.isOpen(0));
    assert.equal(g.failureCount, 0);
    assert.equal(g.fail(0), 60_000);
  });

  it('never overflows however long the failures go on', () => {
    const g = new RetryGate(1, 5);
    for (let i = 0; i < 2_000; i++) assert.ok(g.fail(i) <= 5);
  });
});
