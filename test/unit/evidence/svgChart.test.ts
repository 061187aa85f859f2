import assert from 'node:assert/strict';
import { renderSvgChart } from '../../../src/core/evidence/svgChart.js';

describe('evidence SVG chart', () => {
  const days = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'];
  const pct = (v: number): string => `${Math.round(v * 100)}%`;

  it('breaks the line at days without data instead of drawing them as zero', () => {
    const svg = renderSvgChart({ title: 't', days, values: [0.5, 0.6, null, 0.4, 0.5], format: pct });
    const path = /<path d="([^"]+)" fill="none"[^>]*data-series="values"/.exec(svg)?.[1] ?? '';
    assert.equal((path.match(/M/g) ?? []).length, 2, `two runs: ${path}`);
    assert.equal((svg.match(/<circle /g) ?? []).length, 4);
  });

  it('never runs a proportion\'s axis past 100%, and marks the change point and window means', () => {
    const svg = renderSvgChart({ title: 't', days, values: [0.98, 1, 0.97, 0.5, 0.4], format: pct, ceiling: 1, changePoint: '2026-11-04', before: { since: '2026-11-01', until: '2026-11-03', value: 0.98 }, after: { since: '2026-11-04', until: '2026-11-05', value: 0.45 } });
    assert.match(svg, />100%</);
    assert.doesNotMatch(svg, />1[1-9]\d%</);
    assert.match(svg, /change 2026-11-04/);
    assert.match(svg, /before: 98%/);
    assert.match(svg, /after: 45%/);
  });

  it('escapes text, so a title or label cannot become markup', () => {
    const svg = renderSvgChart({ title: '<script>alert(1)</script> & "x"', days, values: [1, 2, 3, 4, 5], format: String, markers: [{ day: '2026-11-02', label: 'version <b>2</b>' }] });
    assert.doesNotMatch(svg, /<script|<b>/);
    assert.match(svg, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;x&quot;/);
  });
});
