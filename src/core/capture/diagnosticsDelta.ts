/**
 * Language-server diagnostics inside a region: how many errors and warnings, which ones the edit introduced (absent
 * from the document before the edit) and which disappeared since the previous check. Diagnostics are compared by a
 * key built from source, code, severity and message, kept in memory only (messages can quote code and are never
 * stored).
 */
import type { Range } from '../schema/events.js';
import type { LineIndex } from './lineIndex.js';
import type { Region } from './regionTransform.js';

export interface DiagnosticInfo {
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly range: Range;
  readonly source?: string;
  /** In-memory identity of the problem (source, code, message); never persisted in records. */
  readonly key: string;
}

export interface DiagnosticsCheck {
  errors: number;
  warnings: number;
  introducedErrors: number;
  introducedWarnings: number;
  fixed: number;
  sources: string[];
  /** Keys (with severity) present in the region now: the next check's "previous". */
  present: string[];
}

function tally(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Multiset of diagnostic keys (errors and warnings only) over the whole document: the pre-edit baseline. */
export function baselineKeys(diagnostics: readonly DiagnosticInfo[]): string[] {
  return diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.severity}\u0001${d.key}`);
}

/** Errors/warnings whose start lies in the region (an empty region still catches a diagnostic at its point). */
export function checkDiagnostics(
  diagnostics: readonly DiagnosticInfo[],
  index: LineIndex,
  region: Region,
  baseline: readonly string[],
  previous: readonly string[],
): DiagnosticsCheck {
  const inRegion = diagnostics.filter((d) => {
    if (d.severity !== 'error' && d.severity !== 'warning') return false;
    const at = index.offsetAt(d.range.start);
    return region.start === region.end ? at === region.start : at >= region.start && at < region.end;
  });
  const present = inRegion.map((d) => `${d.severity}\u0001${d.key}`);
  const base = tally(baseline);
  let introducedErrors = 0;
  let introducedWarnings = 0;
  for (const d of inRegion) {
    const k = `${d.severity}\u0001${d.key}`;
    const n = base.get(k) ?? 0;
    if (n > 0) {
      base.set(k, n - 1);
      continue;
    }
    if (d.severity === 'error') introducedErrors++;
    else introducedWarnings++;
  }
  const now = tally(present);
  let fixed = 0;
  for (const k of previous) {
    const n = now.get(k) ?? 0;
    if (n > 0) now.set(k, n - 1);
    else fixed++;
  }
  const sources = [...new Set(inRegion.map((d) => d.source).filter((s): s is string => !!s))].slice(0, 20).map((s) => s.slice(0, 200));
  return {
    errors: inRegion.filter((d) => d.severity === 'error').length,
    warnings: inRegion.filter((d) => d.severity === 'warning').length,
    introducedErrors,
    introducedWarnings,
    fixed,
    sources,
    present,
  };
}
