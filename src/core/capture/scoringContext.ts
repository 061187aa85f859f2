/**
 * The one definition of the code an assistant edit is linted in, shared by capture (fresh edits) and re-scoring
 * (history after a rule change), so both find the same things and the trend stays like-with-like.
 *
 * The window is the smallest run of whole lines that holds the edit and is a complete unit at the outermost
 * indentation level that fits in `MAX_CONTEXT_CHARS`: the top-level function or class around the edit (with its
 * decorators and closing brace), else the method or block one indentation level deeper (under the header lines of
 * the units around it), and so on; when even the innermost unit is too large, the edit's own lines. Rules that need
 * surrounding code (the loop header around an edited line, the class around a method) see it; findings are kept only
 * where they are anchored in the edit.
 *
 * Text-based on purpose: capture has no parser, and the same text must give the same window wherever it is computed.
 */
import type { Range, ScoringContext, Severity } from '../schema/events.js';
import { LineIndex } from './lineIndex.js';

/** Largest window stored with an edit (UTF-16 code units): it is kept beside the edit at code level `all`. */
export const MAX_CONTEXT_CHARS = 32_768;

/** Offsets of a window or region in some text (half-open). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A finding as the scoring context needs it. */
export interface ContextFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly range: Range;
  readonly message?: string;
}

export type ContextLinter = (text: string, languageId: string) => Promise<readonly ContextFinding[]>;

const PY_JOINERS = /^(?:else\b|elif\b|except\b|finally\b|#|\)|\]|\})/;
const C_JOINERS = /^(?:else\b|catch\b|finally\b|\/\/|\/\*|\*|\)|\]|\}|`)/;

/**
 * The window search over a text's lines, computed lazily around the edit (capture runs it on the extension host at
 * every inspection, so it must not walk a whole large file): indentation per line (-1 for blank), and whether a line
 * at its own indentation starts a new unit (it does unless it continues the previous one: a closing bracket,
 * `else`/`except`…, a comment, or the definition under a Python decorator).
 */
class Lines {
  readonly text: string;
  readonly starts: readonly number[];
  private readonly indents: Int32Array;
  private readonly restCache = new Map<number, string>();

  constructor(
    readonly index: LineIndex,
    private readonly python: boolean,
  ) {
    this.text = index.text;
    this.starts = index.starts;
    this.indents = new Int32Array(this.starts.length).fill(-2);
  }

  private rest(i: number): string {
    let r = this.restCache.get(i);
    if (r === undefined) {
      const line = this.text.slice(this.starts[i], i + 1 < this.starts.length ? this.starts[i + 1]! - 1 : this.text.length);
      const lead = /^[ \t]*/.exec(line)![0].length;
      r = line.slice(lead).replace(/\r$/, '');
      this.restCache.set(i, r);
      this.indents[i] = r === '' ? -1 : lead;
    }
    return r;
  }

  indent(i: number): number {
    if (this.indents[i] === -2) this.rest(i);
    return this.indents[i]!;
  }

  opens(i: number): boolean {
    const lead = this.indent(i);
    if (lead < 0) return false;
    if ((this.python ? PY_JOINERS : C_JOINERS).test(this.rest(i))) return false;
    if (!this.python) return true;
    // Under a decorator: the nearest line above at this indentation or less is a decorator at this indentation.
    for (let j = i - 1; j >= 0; j--) {
      const k = this.indent(j);
      if (k === -1 || k > lead) continue;
      return !(k === lead && this.rest(j).startsWith('@'));
    }
    return true;
  }

  get count(): number {
    return this.starts.length;
  }

  endOf(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
  }

  /** The unit at indentation `level` holding lines `first..last`, as [firstLine, lastLine]. */
  unit(level: number, first: number, last: number): [number, number] {
    let a = first;
    for (;;) {
      const ind = this.indent(a);
      if (ind !== -1 && ind < level) {
        a++;
        break;
      }
      if (ind === level && this.opens(a)) break;
      if (a === 0) break;
      a--;
    }
    let b = last;
    for (let i = last + 1; i < this.count; i++) {
      const ind = this.indent(i);
      if (ind === -1) continue;
      if (ind < level || (ind === level && this.opens(i))) break;
      b = i;
    }
    while (b > a && this.indent(b) === -1) b--;
    return [a, b];
  }
}

/**
 * The scoring window of `region` in `text`: whole-line parts in document order — the header lines of every enclosing
 * unit the window had to leave out for size (`class Box(Base):`, `export class Box {`), the unit holding the edit,
 * and the closing lines of those enclosing units (`}`) — so a method too large to keep with its class is still linted
 * as a method of that class. Deterministic in (text, region, language).
 */
export function contextWindow(text: string, region: Span, languageId: string, index = new LineIndex(text)): Span[] {
  const python = languageId === 'python';
  const lines = new Lines(index, python);
  const first = index.lineAt(region.start);
  const last = Math.max(first, index.lineAt(Math.max(region.start, region.end - 1)));
  let editIndent = Infinity;
  for (let i = first; i <= last; i++) if (lines.indent(i) !== -1) editIndent = Math.min(editIndent, lines.indent(i));
  const headers: Span[] = [];
  const closers: Span[] = [];
  let outside = 0;
  const line = (i: number): string => text.slice(lines.starts[i], lines.endOf(i));
  let level = 0;
  for (let guard = 0; guard < 64 && level <= editIndent; guard++) {
    const [a, b] = lines.unit(level, first, last);
    const span = { start: lines.starts[a]!, end: lines.endOf(b) };
    if (span.end - span.start + outside <= MAX_CONTEXT_CHARS && span.start <= region.start && span.end >= region.end) return [...headers, span, ...closers];
    // One indentation level deeper, never deeper than the edit's own lines.
    let next = Infinity;
    for (let i = a; i <= b; i++) {
      const ind = lines.indent(i);
      if (ind > level && ind <= editIndent && ind < next) next = ind;
    }
    if (next === Infinity) break;
    // Keep the unit's header (up to the line that opens its body, at most 5 lines) and its closing line.
    let h = a;
    while (h < Math.min(a + 4, first - 1) && !(python ? /:\s*(#.*)?$/ : /\{\s*$/).test(line(h).trimEnd())) h++;
    if (h < first) {
      headers.push({ start: lines.starts[a]!, end: lines.endOf(h) });
      outside += lines.endOf(h) - lines.starts[a]!;
    }
    if (!python && b > last && /^\s*\}/.test(line(b))) {
      closers.unshift({ start: lines.starts[b]!, end: lines.endOf(b) });
      outside += lines.endOf(b) - lines.starts[b]!;
    }
    level = next;
  }
  return [...headers, { start: lines.starts[first]!, end: Math.max(lines.endOf(last), region.end) }, ...closers];
}

/**
 * The stored context of `region` in `text` (the window's parts joined, and the region's offsets in it), with the
 * document line of each of the context's lines (to move findings back into the document).
 */
export function scoringContextWithLines(text: string, region: Span, languageId: string): { context: ScoringContext; docLines: number[] } {
  const index = new LineIndex(text);
  const parts = contextWindow(text, region, languageId, index);
  let joined = '';
  let start = 0;
  const docLines: number[] = [];
  for (const p of parts) {
    if (p.start <= region.start && p.end >= region.end) start = joined.length + (region.start - p.start);
    const piece = text.slice(p.start, p.end);
    const firstLine = index.lineAt(p.start);
    const n = piece.split('\n').length - (piece.endsWith('\n') ? 1 : 0);
    for (let k = 0; k < n; k++) docLines.push(firstLine + k);
    joined += piece.endsWith('\n') || p === parts[parts.length - 1] ? piece : `${piece}\n`;
  }
  return { context: { text: joined, start, end: start + (region.end - region.start) }, docLines };
}

/** The stored context of `region` in `text` (the window's text, and the region's offsets in it). */
export function scoringContext(text: string, region: Span, languageId: string): ScoringContext {
  return scoringContextWithLines(text, region, languageId).context;
}

/**
 * Lints a context and returns the findings anchored in the edit (`context.start..end`), with ranges in the
 * context's own lines and characters. Python windows cut from inside a block are dedented to parse (positions are
 * mapped back). Rejections of `lint` propagate (capture logs them; re-scoring must not score an edit as clean).
 */
export async function lintInContext(context: ScoringContext, languageId: string, lint: ContextLinter): Promise<ContextFinding[]> {
  if (context.end <= context.start) return [];
  const { starts } = new LineIndex(context.text);
  let text = context.text;
  let removed: number[] | undefined;
  if (languageId === 'python') {
    const d = dedentMapped(context.text);
    text = d.text;
    removed = d.removed;
  }
  const out: ContextFinding[] = [];
  for (const f of await lint(text, languageId)) {
    const line = f.range.start.line;
    if (line >= starts.length) continue;
    const shift = removed?.[line] ?? 0;
    const anchor = starts[line]! + f.range.start.character + shift;
    if (anchor < context.start || anchor >= context.end) continue;
    const endShift = removed?.[f.range.end.line] ?? 0;
    out.push({
      ruleId: f.ruleId,
      severity: f.severity,
      range: { start: { line, character: f.range.start.character + shift }, end: { line: f.range.end.line, character: f.range.end.character + endShift } },
      ...(f.message !== undefined ? { message: f.message } : {}),
    });
  }
  return out;
}

/**
 * Removes the common leading whitespace of the non-blank lines (Python code cut out of a block does not parse at
 * top level) and says how many characters each line lost, so positions can be mapped back. Line numbers are kept.
 */
export function dedentMapped(text: string): { text: string; removed: number[] } {
  const lines = text.split('\n');
  let common: string | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const lead = /^[ \t]*/.exec(line)![0];
    if (common === undefined) common = lead;
    else {
      let i = 0;
      while (i < common.length && i < lead.length && common[i] === lead[i]) i++;
      common = common.slice(0, i);
    }
    if (common === '') break;
  }
  if (!common) return { text, removed: lines.map(() => 0) };
  const c = common;
  const removed: number[] = [];
  const out = lines.map((l) => {
    if (l.startsWith(c)) {
      removed.push(c.length);
      return l.slice(c.length);
    }
    if (l.trim() === '') {
      removed.push(l.length);
      return '';
    }
    removed.push(0);
    return l;
  });
  return { text: out.join('\n'), removed };
}
