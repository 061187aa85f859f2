/**
 * The tracker's pending state as persisted between windows (VS Code workspace state): edits whose checkpoints are not
 * all done. Validated with zod on load — a corrupt or older document is dropped with one log line, never fatal.
 *
 * Privacy: the inserted text and the region's last text are kept here (locally, in the editor's workspace storage)
 * only while the edit is tracked — at most 15 minutes plus the time the window is closed — because survival cannot be
 * measured without them. Records kept for scoring are stored without code text.
 */
import * as z from 'zod';
import { AssistantEditEvent, DriftEvent, Range, Severity } from '../schema/events.js';

const RegionSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });

export const PendingEditSchema = z.object({
  edit: AssistantEditEvent,
  uri: z.string(),
  region: RegionSchema,
  original: z.string(),
  regionText: z.string(),
  insertedAt: z.number(),
  checkpointIndex: z.number().int().nonnegative(),
  fixes: z.number().int().nonnegative(),
  openFindings: z.array(
    z.object({
      key: z.string(),
      finding: z.object({ ruleId: z.string(), severity: Severity, range: Range, message: z.string().optional() }),
    }),
  ),
  diagBaseline: z.array(z.string()),
  diagPrevious: z.array(z.string()),
  settled: z.boolean(),
  records: z.array(DriftEvent),
});
export type PendingEdit = z.infer<typeof PendingEditSchema>;

export const PendingStateSchema = z.object({
  v: z.literal(1),
  edits: z.array(PendingEditSchema),
  /** Each edit follower's own state (e.g. `arc`), validated by the follower when it resumes. */
  followers: z.record(z.string(), z.unknown()).optional(),
});
export type PendingState = z.infer<typeof PendingStateSchema>;

/** Pending edits older than this (after their last checkpoint) are dropped instead of resumed. */
export const PENDING_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/**
 * Parses persisted state. Returns the valid edits and how many were dropped (invalid or too old); an unreadable
 * document yields no edits.
 */
export function parsePendingState(raw: unknown, now: number): { state: PendingState; dropped: number; error?: string } {
  if (raw === undefined || raw === null) return { state: { v: 1, edits: [] }, dropped: 0 };
  if (typeof raw !== 'object' || (raw as { v?: unknown }).v !== 1 || !Array.isArray((raw as { edits?: unknown }).edits)) {
    return { state: { v: 1, edits: [] }, dropped: 0, error: 'unrecognised pending-state document' };
  }
  const edits: PendingEdit[] = [];
  let dropped = 0;
  for (const e of (raw as { edits: unknown[] }).edits) {
    const parsed = PendingEditSchema.safeParse(e);
    if (!parsed.success || now - parsed.data.insertedAt > PENDING_MAX_AGE_MS) {
      dropped++;
      continue;
    }
    edits.push(parsed.data);
  }
  const followers = (raw as { followers?: unknown }).followers;
  const kept = followers !== null && typeof followers === 'object' && !Array.isArray(followers) ? { followers: followers as Record<string, unknown> } : {};
  return { state: { v: 1, edits, ...kept }, dropped };
}
