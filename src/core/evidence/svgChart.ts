/**
 * A self-contained SVG line chart of one daily series for the evidence report: no script, no external reference, no
 * font file — a vendor can open it in any browser or issue tracker. Days without data are gaps, not zeros. The
 * change point is a dashed vertical line; the before/after window means are horizontal lines over their windows.
 */
import type { Day } from '../time/day.js';

export interface SvgChartInput {
  title: string;
  days: readonly Day[];
  values: readonly (number | null)[];
  /** Format of axis and mean labels (e.g. percentages). */
  format: (v: number) => string;
  changePoint?: Day;
  /** Window means drawn as horizontal segments. */
  before?: { since: Day; until: Day; value: number };
  after?: { since: Day; until: Day; value: number };
  /** Largest value the metric can take (1 for proportions): the axis never runs past it. */
  ceiling?: number;
  /** Version/model changes drawn as small ticks on the x axis. */
  markers?: readonly { day: Day; label: string }[];
}

const W = 720;
const H = 260;
const L = 56;
const R = 16;
const T = 34;
const B = 40;

/** Escapes text for an XML text node or attribute. */
export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const fix = (x: number): string => (Math.round(x * 10) / 10).toString();

export function renderSvgChart(c: SvgChartInput): string {
  const n = c.days.length;
  const present = c.values.filter((v): v is number => v !== null && Number.isFinite(v));
  const means = [c.before?.value, c.after?.value].filter((v): v is number => v !== undefined && Number.isFinite(v));
  const top = Math.max(0, ...present, ...means);
  const yMax = top > 0 ? Math.min(top * 1.1, c.ceiling ?? Number.POSITIVE_INFINITY) : (c.ceiling ?? 1);
  const x = (i: number): number => L + (n <= 1 ? 0 : (i * (W - L - R)) / (n - 1));
  const y = (v: number): number => T + (H - T - B) * (1 - v / yMax);
  const dayX = (d: Day): number | undefined => {
    const i = c.days.indexOf(d);
    return i < 0 ? undefined : x(i);
  };
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${xmlEscape(c.title)}" font-family="sans-serif" font-size="11">`);
  parts.push(`<title>${xmlEscape(c.title)}</title>`);
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(`<text x="${L}" y="20" font-size="14" font-weight="bold" fill="#1f2328">${xmlEscape(c.title)}</text>`);
  // Axes and three horizontal grid lines with labels.
  for (const f of [0, 0.5, 1]) {
    const v = yMax * f;
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${fix(y(v))}" y2="${fix(y(v))}" stroke="#d0d7de" stroke-width="1"/>`);
    parts.push(`<text x="${L - 6}" y="${fix(y(v) + 4)}" text-anchor="end" fill="#57606a">${xmlEscape(c.format(v))}</text>`);
  }
  if (n > 0) {
    parts.push(`<text x="${L}" y="${H - 12}" fill="#57606a">${xmlEscape(c.days[0]!)}</text>`);
    parts.push(`<text x="${W - R}" y="${H - 12}" text-anchor="end" fill="#57606a">${xmlEscape(c.days[n - 1]!)}</text>`);
  }
  for (const m of c.markers ?? []) {
    const mx = dayX(m.day);
    if (mx === undefined) continue;
    parts.push(`<path d="M${fix(mx)} ${H - B} l-5 9 h10 z" fill="#8250df"><title>${xmlEscape(`${m.day}: ${m.label}`)}</title></path>`);
  }
  const cx = c.changePoint !== undefined ? dayX(c.changePoint) : undefined;
  if (cx !== undefined) {
    parts.push(`<line x1="${fix(cx)}" x2="${fix(cx)}" y1="${T}" y2="${H - B}" stroke="#cf222e" stroke-width="1.5" stroke-dasharray="5 4"/>`);
    parts.push(`<text x="${fix(cx + 4)}" y="${T + 10}" fill="#cf222e">change ${xmlEscape(c.changePoint!)}</text>`);
  }
  for (const [w, color] of [
    [c.before, '#0969da'],
    [c.after, '#cf222e'],
  ] as const) {
    if (!w || !Number.isFinite(w.value)) continue;
    const i0 = c.days.findIndex((d) => d >= w.since);
    let i1 = -1;
    c.days.forEach((d, i) => {
      if (d <= w.until) i1 = i;
    });
    if (i0 < 0 || i1 < i0) continue;
    parts.push(`<line x1="${fix(x(i0))}" x2="${fix(x(i1))}" y1="${fix(y(w.value))}" y2="${fix(y(w.value))}" stroke="${color}" stroke-width="2" opacity="0.6"><title>${xmlEscape(`mean ${w.since} … ${w.until}: ${c.format(w.value)}`)}</title></line>`);
    const label = `${w === c.before ? 'before' : 'after'}: ${c.format(w.value)}`;
    parts.push(`<text x="${fix(x(i0) + 2)}" y="${fix(y(w.value) - 4)}" fill="${color}">${xmlEscape(label)}</text>`);
  }
  // The daily series: one path per run of consecutive days with data, and a dot per day.
  let d = '';
  let pen = false;
  const dots: string[] = [];
  c.values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${fix(x(i))} ${fix(y(v))} `;
    pen = true;
    dots.push(`<circle cx="${fix(x(i))}" cy="${fix(y(v))}" r="2" fill="#1f2328"><title>${xmlEscape(`${c.days[i]}: ${c.format(v)}`)}</title></circle>`);
  });
  if (d !== '') parts.push(`<path d="${d.trim()}" fill="none" stroke="#1f2328" stroke-width="1.2" data-series="values"/>`);
  parts.push(...dots);
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
