/**
 * The regions one change event inserted, and the text it removed: the pure arithmetic between a change event and the
 * tracker. VS Code's change events carry the replaced range but not the replaced text, and it reduces a replacement to
 * a minimal diff, so both have to be reconstructed here.
 */
import { composeChanges, spanChars, trimmedInsert } from './arcSpans.js';
import { countLines } from './lineIndex.js';
import { squash } from './provenance.js';
import { transformRegion, type Region } from './regionTransform.js';
import { applyChange, type TextChange } from './textChange.js';

/** One inserted region waiting for (or given) its verdict. */
export interface CandidateRegion {
  /** Where the inserted text is, moved through later changes until the verdict arrives. */
  region: Region;
  /** The inserted text as it was right after the event. */
  original: string;
  inserted: number;
  removed: number;
  removedText: string | undefined;
  linesRemoved: number;
  /**
   * The characters the event really changed inside the region (each change minus its common prefix/suffix with the
   * text it replaced), in the same document offsets as `region` and moved with it: what ARC tracks. Untrimmed when
   * the removed text is unknown.
   */
  spans: Region[];
  /** False when the removed text was unknown, so `spans` could not be trimmed. */
  trimmed: boolean;
  /** Characters in `spans` when the event happened (later changes before the verdict may shrink `spans`). */
  accepted: number;
}

/** The text each change removed, given the text before the event (changes apply in order). */
export function removedTextsOf(before: string, changes: readonly TextChange[]): string[] {
  const out: string[] = [];
  let text = before;
  for (const c of changes) {
    out.push(text.slice(c.offset, c.offset + c.removedLength));
    text = applyChange(text, c);
  }
  return out;
}

/** Hunks at most this far apart (characters, and at most two line breaks) are one logical edit. */
const MERGE_GAP_CHARS = 200;
const MERGE_GAP_LINES = 2;

/**
 * The regions an event inserted, in the coordinates of the text after the whole event, with nearby hunks merged: VS
 * Code reduces a replacement to a minimal diff, so one logical edit can arrive as several small changes a line apart.
 * Whitespace-only inserts are not regions.
 */
export function candidateRegions(after: string, changes: readonly TextChange[], removedTexts: readonly string[] | undefined): CandidateRegion[] {
  // Every change's trimmed insert, in the coordinates after the whole event (later changes of one event never overlap).
  const inserts: Region[] = [];
  changes.forEach((c, i) => {
    const removed = removedTexts?.[i];
    const t = removed !== undefined ? trimmedInsert(c.text, removed) : { start: 0, end: c.text.length };
    if (t.end > t.start) inserts.push(...composeChanges([{ start: c.offset + t.start, end: c.offset + t.end }], changes.slice(i + 1)));
  });
  // Ascending, as ARC's composition expects (VS Code lists a multi-change event's changes last-to-first).
  inserts.sort((a, b) => a.start - b.start);
  const raw: Omit<CandidateRegion, 'original' | 'spans' | 'trimmed' | 'accepted'>[] = [];
  changes.forEach((c, i) => {
    if (squash(c.text) === '') return;
    let r: Region = { start: c.offset, end: c.offset + c.text.length };
    for (let j = i + 1; j < changes.length; j++) r = transformRegion(r, changes[j]!);
    const removedText = removedTexts?.[i];
    raw.push({ region: r, inserted: c.text.length, removed: c.removedLength, removedText, linesRemoved: removedText ? countLines(removedText) : 0 });
  });
  raw.sort((a, b) => a.region.start - b.region.start);
  const merged: typeof raw = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    const gap = last ? after.slice(last.region.end, r.region.start) : undefined;
    if (last && gap !== undefined && r.region.start >= last.region.end && gap.length <= MERGE_GAP_CHARS && countLines(gap) <= MERGE_GAP_LINES) {
      last.region = { start: last.region.start, end: r.region.end };
      last.inserted += r.inserted;
      last.removed += r.removed;
      last.removedText = last.removedText !== undefined && r.removedText !== undefined ? last.removedText + r.removedText : undefined;
      last.linesRemoved += r.linesRemoved;
    } else {
      merged.push({ ...r });
    }
  }
  return merged.map((m) => {
    const spans = inserts.filter((x) => x.start >= m.region.start && x.end <= m.region.end);
    return { ...m, original: after.slice(m.region.start, m.region.end), spans, trimmed: removedTexts !== undefined, accepted: spanChars(spans) };
  });
}
