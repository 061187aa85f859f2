/**
 * The capture core's view of a text change: offsets into the document as it was just before this change, exactly as
 * VS Code reports `rangeOffset` / `rangeLength` / `text`. Changes of one event apply in array order (VS Code sorts
 * them so that applying them one after another is correct).
 */
export interface TextChange {
  /** Offset (UTF-16 code units) of the replaced range in the text before this change. */
  readonly offset: number;
  /** Length of the replaced range. */
  readonly removedLength: number;
  /** Inserted text (may be empty for a pure deletion). */
  readonly text: string;
}

/** Applies one change to a string. Out-of-range offsets are clamped, so a stale change can never throw. */
export function applyChange(text: string, change: TextChange): string {
  const start = Math.max(0, Math.min(change.offset, text.length));
  const end = Math.max(start, Math.min(change.offset + change.removedLength, text.length));
  return text.slice(0, start) + change.text + text.slice(end);
}

/** Applies the changes of one event in order. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  let out = text;
  for (const c of changes) out = applyChange(out, c);
  return out;
}

/** Net change in document length. */
export function lengthDelta(change: TextChange): number {
  return change.text.length - change.removedLength;
}
