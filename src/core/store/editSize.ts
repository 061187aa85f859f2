/**
 * Edit-size classes: the second dimension (after language) drift detection stratifies by, so a week of one-line
 * completions is never compared with a week of 40-line chat rewrites as if they were the same kind of work.
 *
 * Classes by lines the edit added: `s` 1–2 lines (typical inline completions), `m` 3–15, `l` 16 or more. The
 * thresholds are deliberately coarse: each class must keep enough edits per week for the stratified tests.
 */
export const EDIT_SIZE_CLASSES = ['s', 'm', 'l'] as const;
export type EditSizeClass = (typeof EDIT_SIZE_CLASSES)[number];

/** The size class of an edit that added `linesAdded` lines (0 counts as 1: an insert inside a line). */
export function editSizeClass(linesAdded: number): EditSizeClass {
  if (linesAdded <= 2) return 's';
  if (linesAdded <= 15) return 'm';
  return 'l';
}

/** Human wording of a class, for alerts and reports. */
export const EDIT_SIZE_LABEL: Readonly<Record<EditSizeClass, string>> = Object.freeze({ s: '1–2 lines', m: '3–15 lines', l: '16+ lines' });
