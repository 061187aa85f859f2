/**
 * Messages between the host and the "Prepare Drift Report" review page, declared once with zod per direction and
 * validated on receipt by both sides. The page gets what the user must see to decide (the summary, each candidate
 * example with its code) but never a file path; it answers with record ids and choices, which the host checks
 * against the candidates it offered.
 */
import * as z from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const short = z.string().max(200);
const editId = z.string().min(1).max(64);
/** The most examples a report may carry. */
export const MAX_REPORT_EXAMPLES = 20;

export const ReviewFinding = z.object({
  ruleId: z.string().max(100),
  severity: short,
  line: z.number().int().positive(),
  message: z.string().max(500).optional(),
});

export const ReviewCandidate = z.object({
  editId,
  day,
  language: short,
  model: short.optional(),
  version: short.optional(),
  provenance: short,
  lines: z.number().int().nonnegative(),
  outcome: short,
  score: z.number().nullable(),
  findings: z.array(ReviewFinding).max(200),
  /** The inserted text when the store kept it (shown to the user, written only if they include it). */
  code: z.string().max(200_000).optional(),
});
export type ReviewCandidate = z.infer<typeof ReviewCandidate>;

export const ReviewSummary = z.object({
  assistant: short,
  headline: z.string().max(500),
  drifted: z.boolean(),
  controls: z.string().max(300),
  before: z.object({ since: day, until: day, edits: z.number().int().nonnegative(), versions: z.array(short).max(50) }),
  after: z.object({ since: day, until: day, edits: z.number().int().nonnegative(), versions: z.array(short).max(50) }),
  metrics: z.array(z.object({ label: short, before: short, after: short, effect: short, significant: z.boolean() })).max(50),
  rules: z.array(z.object({ ruleId: z.string().max(100), title: short, before: z.number(), after: z.number() })).max(20),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;

export const Selection = z.object({ editId, includeCode: z.boolean() });
export type Selection = z.infer<typeof Selection>;

/** Messages the review page sends to the host. */
export const ReviewToHost = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** Write the report with these examples (in this order); the host then asks for the folder. */
  z.object({ type: z.literal('write'), selections: z.array(Selection).max(MAX_REPORT_EXAMPLES) }),
  /** Open the Markdown of the report just written. */
  z.object({ type: z.literal('openReport') }),
  z.object({ type: z.literal('reportRejected'), detail: z.string().max(300) }),
]);
export type ReviewToHost = z.infer<typeof ReviewToHost>;

/** Messages the host sends to the review page. */
export const ReviewToWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), summary: ReviewSummary, candidates: z.array(ReviewCandidate).max(100), maxExamples: z.number().int().positive() }),
  /** The report was written: where (for display) and how many examples it holds. */
  z.object({ type: z.literal('written'), folder: z.string().max(4096), files: z.number().int().nonnegative(), examples: z.number().int().nonnegative() }),
  /** Writing was cancelled (no folder chosen) or failed. */
  z.object({ type: z.literal('notWritten'), reason: z.string().max(1000) }),
]);
export type ReviewToWebview = z.infer<typeof ReviewToWebview>;
