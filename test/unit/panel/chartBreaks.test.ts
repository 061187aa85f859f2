import assert from 'node:assert/strict';
import { withBreaks } from '../../../src/webview/chartBreaks.js';
import { daySeconds } from '../../../src/webview/format.js';

describe('chart line breaks at rule-set changes', () => {
  it('adds one value-less point halfway before each break day, so the line is cut there and nowhere else', () => {
    const days = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'];
    const { xs, at } = withBreaks(days, ['2026-11-03']);
    assert.deepEqual(at, [0, 1, null, 2, 3]);
    assert.equal(xs[2], (daySeconds('2026-11-02') + daySeconds('2026-11-03')) / 2);
    assert.ok(xs.every((x, i) => i === 0 || x > xs[i - 1]!), 'x stays sorted');
  });

  it('leaves the series whole without breaks, and ignores a break on the first period', () => {
    const days = ['2026-11-01', '2026-11-08'];
    assert.deepEqual(withBreaks(days, []).at, [0, 1]);
    assert.deepEqual(withBreaks(days, ['2026-11-01']).at, [0, 1]);
  });
});
