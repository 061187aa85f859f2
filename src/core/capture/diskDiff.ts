/**
 * Turns "this file was X and is now Y" (a write on disk while the file was closed) into text changes, so a disk write
 * becomes the same kind of change events the editor reports. Uses `diff` (jsdiff), the standard maintained JS
 * implementation of Myers' diff, on lines: agents rewrite whole lines, and line hunks are what users review.
 */
import { diffLines } from 'diff';
import type { TextChange } from './textChange.js';

/** Hunks larger than this many characters in total are not diffed (the whole file counts as rewritten). */
export const MAX_DIFF_CHARS = 2_000_000;

/**
 * Changes that turn `before` into `after`, in the order VS Code would report them for sequential application
 * (descending offsets, so each change's offset is valid in the text the previous ones produced).
 */
export function diskChanges(before: string, after: string): TextChange[] {
  if (before === after) return [];
  if (before.length + after.length > MAX_DIFF_CHARS) return [{ offset: 0, removedLength: before.length, text: after }];
  const parts = diffLines(before, after);
  const changes: TextChange[] = [];
  let offset = 0;
  let pending: { offset: number; removedLength: number; text: string } | undefined;
  for (const p of parts) {
    if (!p.added && !p.removed) {
      if (pending) changes.push(pending);
      pending = undefined;
      offset += p.value.length;
      continue;
    }
    pending ??= { offset, removedLength: 0, text: '' };
    if (p.removed) {
      pending.removedLength += p.value.length;
      offset += p.value.length;
    } else {
      pending.text += p.value;
    }
  }
  if (pending) changes.push(pending);
  return changes.reverse();
}
