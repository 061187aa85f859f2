/**
 * Every message between the extension host and the panel webview, declared once with zod, per direction. Both sides
 * validate what they receive with `safeParse` and log-and-skip anything that does not match, so a compromised or
 * buggy peer can neither crash the other side nor make it act on malformed input. Requests carry an `id`; the reply
 * carries the same `id`.
 */
import * as z from 'zod';
import { PanelData, PanelQuery, RecentEdit } from '../core/panel/panelData.js';

const requestId = z.string().min(1).max(64);
/** A calendar day, `YYYY-MM-DD`, that is a real date. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  }, 'not a calendar day');

/** Messages the webview sends to the host. */
export const ToHost = z.discriminatedUnion('type', [
  /** The webview has loaded and installed its message listener: the host may post from now on. */
  z.object({ type: z.literal('ready') }),
  /** Asks for the panel data of a query; the host also remembers the query for this workspace. */
  z.object({
    type: z.literal('query'),
    id: requestId,
    query: PanelQuery,
    /** Set by the full-size dashboard: the answer also carries the per-rule trends. */
    wide: z.boolean().optional(),
  }),
  /** Asks for the assistant edits behind one chart period (a day, or a week starting on `period`), for the query's filters. */
  z.object({ type: z.literal('periodEdits'), id: requestId, query: PanelQuery, period: day, granularity: z.enum(['day', 'week']) }),
  /** Opens the Driftwatch walkthrough (the empty state's link). */
  z.object({ type: z.literal('openWalkthrough') }),
  /** Opens the full-size dashboard in an editor tab (the sidebar's link). */
  z.object({ type: z.literal('openDashboard') }),
  /** "Prepare Drift Report…" on a drift alert: the host starts the evidence report flow for that assistant. */
  z.object({ type: z.literal('prepareDriftReport'), assistant: z.string().min(1).max(200) }),
  /** Opens a recent edit's file at its region. Only an id crosses: the host resolves the path from its own records. */
  z.object({ type: z.literal('openEdit'), id: requestId, editId: z.string().min(1).max(64) }),
  /** Opens the documentation of a rule. */
  z.object({ type: z.literal('openRuleDoc'), ruleId: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/).max(100) }),
  /** Dismisses a drift alert (persisted; it is not shown again). */
  z.object({ type: z.literal('dismissDrift'), key: z.string().min(1).max(300) }),
  /** The webview rejected a message from the host: logged by the host's logger (rate-limited). */
  z.object({ type: z.literal('reportRejected'), detail: z.string().max(300) }),
]);
export type ToHost = z.infer<typeof ToHost>;

/** Messages the host sends to the webview. */
export const ToWebview = z.discriminatedUnion('type', [
  /** Answer to `ready`: the query this workspace last used. */
  z.object({ type: z.literal('init'), query: PanelQuery }),
  /** Answer to `query` (same id). */
  z.object({ type: z.literal('data'), id: requestId, data: PanelData }),
  /** The recent-edits list for a `data` answer that had `recentPending` (same id). */
  z.object({ type: z.literal('recent'), id: requestId, rows: z.array(RecentEdit).max(200) }),
  /** Answer to `periodEdits` (same id): newest first, at most `limit`; `total` counts every matching edit of the period. */
  z.object({
    type: z.literal('periodEdits'),
    id: requestId,
    since: day,
    until: day,
    rows: z.array(RecentEdit).max(200),
    total: z.number().int().nonnegative(),
  }),
  /** Stored data changed (new records, a dismissed alert): ask again for the current query. */
  z.object({ type: z.literal('invalidate') }),
  /** Answer to `openEdit`: opened, or why not, with the stored text when the file changed or is gone. */
  z.object({
    type: z.literal('openResult'),
    id: requestId,
    ok: z.boolean(),
    reason: z.enum(['missing-file', 'changed', 'unknown-edit', 'no-workspace']).optional(),
    file: z.string().max(4096).optional(),
    storedText: z.string().max(200_000).optional(),
  }),
  /** A request failed on the host. */
  z.object({ type: z.literal('error'), id: requestId, message: z.string().max(1000) }),
]);
export type ToWebview = z.infer<typeof ToWebview>;

/** Short description of why a message was rejected, for the one warning line each side logs. */
export function describeRejection(error: z.ZodError, raw: unknown): string {
  const issue = error.issues[0];
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type).slice(0, 40) : typeof raw;
  return `${type}: ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'invalid'}`;
}
