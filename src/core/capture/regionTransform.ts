/**
 * Tracked regions: the half-open offset interval `[start, end)` an assistant edit occupies, moved through every later
 * change so that survival, fixes, findings and diagnostics are measured on the right text.
 *
 * Boundary policy (why): an insertion exactly AT the region's start or end is outside the region — a human typing
 * right after an accepted completion is continuing, not repairing it. A replacement that overlaps the region makes its
 * inserted text part of the region (that is a fix, and survival must see it). A change that swallows the whole region
 * (and more) deletes it: the region collapses to an empty interval.
 */
import type { TextChange } from './textChange.js';

export interface Region {
  readonly start: number;
  readonly end: number;
}

/** How a change relates to a region. */
export type Overlap = 'before' | 'after' | 'inside' | 'overlaps' | 'covers';

/** Classifies the change against the region (before the change is applied). */
export function overlapOf(region: Region, change: TextChange): Overlap {
  const cs = change.offset;
  const ce = change.offset + change.removedLength;
  const { start: rs, end: re } = region;
  if (cs === ce) {
    // Pure insertion: boundaries belong to the outside.
    if (cs <= rs) return 'before';
    if (cs >= re) return 'after';
    return 'inside';
  }
  if (ce <= rs) return 'before';
  if (cs >= re) return 'after';
  if (cs >= rs && ce <= re) return 'inside';
  if (cs <= rs && ce >= re) return 'covers';
  return 'overlaps';
}

/** True when the change alters characters of the region (not a boundary insertion, not disjoint). */
export function touches(region: Region, change: TextChange): boolean {
  const o = overlapOf(region, change);
  return o === 'inside' || o === 'overlaps' || o === 'covers';
}

/** Moves a region through one change. */
export function transformRegion(region: Region, change: TextChange): Region {
  const cs = change.offset;
  const ce = change.offset + change.removedLength;
  const inserted = change.text.length;
  const delta = inserted - change.removedLength;
  switch (overlapOf(region, change)) {
    case 'before':
      return { start: region.start + delta, end: region.end + delta };
    case 'after':
      return region;
    case 'inside':
      return { start: region.start, end: region.end + delta };
    case 'covers':
      return { start: cs, end: cs };
    case 'overlaps': {
      // Partial overlap: the surviving part of the region plus the replacement text.
      const start = Math.min(region.start, cs);
      const end = ce >= region.end ? cs + inserted : region.end + delta;
      return { start, end: Math.max(start, end) };
    }
  }
}

/** Moves a region through the changes of one event, in order. */
export function transformRegionAll(region: Region, changes: readonly TextChange[]): Region {
  let r = region;
  for (const c of changes) r = transformRegion(r, c);
  return r;
}
