/**
 * ARC (accepted-and-retained characters) bookkeeping, as VS Code defines it for its own telemetry: the accepted edit
 * is reduced to the characters it really changed (its common prefix and suffix with the replaced text removed), every
 * later edit of the document is composed onto it, and a tracked character that a later edit deletes or overwrites
 * drops out — even when the new character is the same one. Retained = the tracked characters left. Exact offsets,
 * no similarity measure.
 *
 * The tracked characters are kept as disjoint half-open spans `[start, end)` in the current document's offsets, in
 * ascending order (composing a change keeps the order).
 */
import type { Region } from './regionTransform.js';
import type { TextChange } from './textChange.js';

/** Length of the common prefix of two strings. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of two strings. */
function commonSuffix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * The part of an inserted text that differs from the text it replaced, as an offset range relative to the start of
 * the insertion: the common prefix is removed first, then the common suffix of what remains (VS Code's
 * `removeCommonSuffixPrefix`). An insertion that only re-types what was there yields an empty range.
 */
export function trimmedInsert(inserted: string, replaced: string): Region {
  const prefix = commonPrefix(replaced, inserted);
  const suffix = Math.min(replaced.length - prefix, inserted.length - prefix, commonSuffix(replaced, inserted));
  return { start: prefix, end: inserted.length - suffix };
}

/**
 * Composes one later change onto the tracked spans: characters inside the replaced range drop out, spans after it
 * shift, and an insertion strictly inside a span splits it (the inserted characters are not the assistant's). An
 * insertion exactly at a span's edge touches no tracked character.
 */
export function composeChange(spans: readonly Region[], change: TextChange): Region[] {
  const cs = change.offset;
  // Typing after the edit (the common case) touches no span: nothing to copy.
  const last = spans[spans.length - 1];
  if (last === undefined || last.end <= cs) return spans as Region[];
  const ce = change.offset + change.removedLength;
  const delta = change.text.length - change.removedLength;
  const out: Region[] = [];
  for (const s of spans) {
    if (s.end <= cs) {
      out.push(s);
    } else if (s.start >= ce) {
      out.push({ start: s.start + delta, end: s.end + delta });
    } else {
      if (s.start < cs) out.push({ start: s.start, end: cs });
      if (s.end > ce) out.push({ start: ce + delta, end: s.end + delta });
    }
  }
  return out.filter((s) => s.end > s.start);
}

/** Composes the changes of one event, in order. */
export function composeChanges(spans: readonly Region[], changes: readonly TextChange[]): Region[] {
  let out = spans as Region[];
  for (const c of changes) out = composeChange(out, c);
  return out;
}

/** Spans in ascending order, as {@link composeChange} expects (a multi-change event lists its changes last-to-first). */
export function sortedSpans(spans: readonly Region[]): Region[] {
  return spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
}

/** Characters covered by the spans. */
export function spanChars(spans: readonly Region[]): number {
  let n = 0;
  for (const s of spans) n += s.end - s.start;
  return n;
}

/** The spans moved by `delta` characters (the region was found elsewhere after a reopen). */
export function shiftSpans(spans: readonly Region[], delta: number): Region[] {
  return spans.map((s) => ({ start: s.start + delta, end: s.end + delta }));
}
