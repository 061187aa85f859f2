/**
 * Driftwatch event schema, version 1.
 *
 * Every stored record is one JSON object on one line: an envelope (`schema`, `id`, `ts`, `tz`, `kind`) plus the
 * fields of its kind. The zod schemas below are the single source of truth: TypeScript types are inferred from them,
 * the store validates with them, and `scripts/build.mjs` generates `dist/schema/events.v1.schema.json` from them.
 *
 * Evolution rules: fields may be added as optional within a version; renaming, removing or changing the meaning of a
 * field requires a new version and an explicit migration in `migrations.ts`.
 */
import * as z from 'zod';

export const SCHEMA_VERSION = 1 as const;

/** Where a text change came from. Only the `ai-*` provenances become assistant edits. */
export const Provenance = z.enum([
  'typed',
  'paste',
  'undo',
  'redo',
  'format',
  'refactor',
  'snippet',
  'vcs',
  'ai-inline',
  'ai-chat',
  'ai-agent',
  'external',
]);
export type Provenance = z.infer<typeof Provenance>;

export const AssistantProvenance = z.enum(['ai-inline', 'ai-chat', 'ai-agent']);
export type AssistantProvenance = z.infer<typeof AssistantProvenance>;

export const HumanProvenance = z.enum([
  'typed',
  'paste',
  'undo',
  'redo',
  'format',
  'refactor',
  'snippet',
  'vcs',
  'external',
]);
export type HumanProvenance = z.infer<typeof HumanProvenance>;

/**
 * The evidence channel that produced (or confirmed) an event, most precise first.
 * - `hook`: an agent hook line (Claude Code, Cursor, VS Code agent hooks, the generic spool format)
 * - `otlp`: the loopback OTLP/HTTP receiver
 * - `inline-command`: an observed inline-suggestion accept command
 * - `inline-heuristic`: a single multi-character insert at the cursor with no reason, attributed to an active provider
 * - `workspace-edit`: a multi-range / multi-document edit or a chat-editing document
 * - `disk-write`: a file written on disk by something other than the editor or VCS
 * - `edit-source`: VS Code's own tag on the change (proposed API `textDocumentChangeReason`), e.g. `Chat.applyEdits`
 */
export const Channel = z.enum(['hook', 'otlp', 'inline-command', 'inline-heuristic', 'workspace-edit', 'disk-write', 'edit-source']);
export type Channel = z.infer<typeof Channel>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/** Zero-based line/character position, as in VS Code. */
export const Position = z.object({ line: z.number().int().nonnegative(), character: z.number().int().nonnegative() });
export type Position = z.infer<typeof Position>;

export const Range = z.object({ start: Position, end: Position });
export type Range = z.infer<typeof Range>;

/** Survival checkpoints, in seconds after the edit. */
export const CHECKPOINTS_S = [30, 120, 300, 600, 900] as const;
export const Checkpoint = z.union([z.literal(30), z.literal(120), z.literal(300), z.literal(600), z.literal(900)]);
export type Checkpoint = z.infer<typeof Checkpoint>;

const id = z.string().min(1).max(64);
const shortText = z.string().max(200);
/** Rule-set ids: `<revision>.<8 hex>` (see `core/lint/ruleSet.ts`), or `legacy` for records from before ids existed. */
const ruleSetId = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/);
/** Assistant ids are lower-case slugs (`copilot`, `claude-code`, `cursor`, …, `unknown`). */
const assistantId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/);

/** Fields every record carries. `ts` is epoch milliseconds (UTC); `tz` the local UTC offset in minutes at capture. */
export const Envelope = z.object({
  schema: z.literal(SCHEMA_VERSION),
  id,
  ts: z.number().int().nonnegative(),
  tz: z.number().int().min(-14 * 60).max(14 * 60),
});

/**
 * The dimensions every record about an assistant edit repeats, so daily rollups can be updated from any single
 * record without looking the edit up (records about one edit may arrive hours apart, across window reloads).
 */
export const EditRef = z.object({
  editId: id,
  /** Timestamp of the edit itself: the rollup day of all its records. */
  editTs: z.number().int().nonnegative(),
  editTz: z.number().int().min(-14 * 60).max(14 * 60),
  assistant: assistantId,
  model: shortText.optional(),
  language: shortText,
  /**
   * Lines the edit added (its `linesAdded`), so rollups can put every record about the edit in its edit-size stratum
   * (see `core/store/editSize.ts`). Optional: records written before it existed are rolled up without a size.
   */
  lines: z.number().int().nonnegative().optional(),
});
export type EditRef = z.infer<typeof EditRef>;

/**
 * The code an edit was linted in (`core/capture/scoringContext.ts`): the window's text and the edit's offsets in it.
 * Stored only at code level `all`, locally, so re-scoring after a rule change lints what a fresh edit is linted in.
 */
export const ScoringContext = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type ScoringContext = z.infer<typeof ScoringContext>;

export const AssistantEditEvent = Envelope.extend({
  kind: z.literal('assistant-edit'),
  provenance: AssistantProvenance,
  channel: Channel,
  /** Other channels that confirmed the same edit (e.g. a hook line confirming a heuristic verdict). */
  confirmedBy: z.array(Channel).optional(),
  assistant: assistantId,
  /** VS Code extension id of the assistant, when one is installed. */
  extensionId: shortText.optional(),
  assistantVersion: shortText.optional(),
  model: shortText.optional(),
  language: shortText,
  /** Workspace-relative path with `/` separators. Kept locally only; never uploaded. */
  file: z.string().max(4096),
  /** Range the inserted text occupies right after the edit. */
  range: Range,
  linesAdded: z.number().int().nonnegative(),
  linesRemoved: z.number().int().nonnegative(),
  charsInserted: z.number().int().nonnegative(),
  charsReplaced: z.number().int().nonnegative(),
  /** Inserted text; present only at code level `all`. */
  text: z.string().optional(),
  /** Replaced text; present only at code level `all`. */
  replacedText: z.string().optional(),
  /**
   * The scoring window around the inserted text right after the edit; present only at code level `all` for languages
   * Driftwatch lints. Records from before it existed are re-scored from `text` alone.
   */
  context: ScoringContext.optional(),
  /** Id of the hook/OTLP proposal this edit applied, when matched. */
  proposalId: id.optional(),
  /** Set when the file was over the size limit: the edit is counted but neither tracked nor linted. */
  untracked: z.boolean().optional(),
  /** VS Code's own source tag for the change (`Chat.applyEdits`, `inlineCompletionAccept`, …), when the editor gave one. */
  editSource: shortText.optional(),
  /** The records about this edit carry its size (`ref.lines`): roll the edit itself up in its edit-size stratum too. */
  sized: z.boolean().optional(),
});
export type AssistantEditEvent = z.infer<typeof AssistantEditEvent>;

/** An edit an assistant proposed through a hook or OTLP signal, with the user's decision. */
export const ProposalEvent = Envelope.extend({
  kind: z.literal('proposal'),
  proposalId: id,
  channel: Channel,
  assistant: assistantId,
  model: shortText.optional(),
  language: shortText.optional(),
  file: z.string().max(4096).optional(),
  toolName: shortText.optional(),
  decision: z.enum(['accepted', 'rejected', 'unknown']),
  /**
   * Why the decision is known: an explicit signal, the absence of a matching applied edit, the hook's applied event
   * (PostToolUse / afterFileEdit), or the editor observing the proposed change without an applied event.
   */
  decisionSource: z.enum(['signal', 'no-matching-edit', 'hook-post', 'editor-observed']).optional(),
  /** The user changed the proposal before accepting it (Claude Code's `userModified`). */
  userModified: z.boolean().optional(),
  linesProposed: z.number().int().nonnegative().optional(),
  text: z.string().optional(),
  matchedEditId: id.optional(),
});
export type ProposalEvent = z.infer<typeof ProposalEvent>;

/**
 * Survival of an assistant edit as the assistant itself measured and reported it (Copilot Chat's
 * `copilot_chat.edit.survival` over OTLP). Stored beside Driftwatch's own `survival` records and never mixed into
 * them: the assistant's method and checkpoints are its own. `matchedEditId` links the edit the editor recorded, when
 * one fits.
 */
export const ReportedSurvivalEvent = Envelope.extend({
  kind: z.literal('reported-survival'),
  channel: Channel,
  assistant: assistantId,
  /** The signal's name as the assistant exported it. */
  signal: shortText,
  language: shortText.optional(),
  /** How long after the edit the assistant measured (its `timeDelayMs`). */
  afterMs: z.number().int().nonnegative().optional(),
  /** Share (0–1) of the edit's 4-grams still present, by the assistant's own measure. */
  fourGramSurvival: z.number().min(0).max(1).optional(),
  /** Share (0–1) of the edit not reverted, by the assistant's own measure. */
  noRevertSurvival: z.number().min(0).max(1).optional(),
  matchedEditId: id.optional(),
});
export type ReportedSurvivalEvent = z.infer<typeof ReportedSurvivalEvent>;

export const OutcomeKind = z.enum(['accepted', 'rejected', 'modified', 'deleted']);
export type OutcomeKind = z.infer<typeof OutcomeKind>;

/** The final outcome of an assistant edit (one per edit; a later record for the same edit supersedes). */
export const EditOutcomeEvent = Envelope.extend({
  kind: z.literal('edit-outcome'),
  ref: EditRef,
  outcome: OutcomeKind,
  reason: z.enum(['undo', 'deleted-quickly', 'proposal-declined', 'kept', 'changed', 'removed', 'file-closed']).optional(),
});
export type EditOutcomeEvent = z.infer<typeof EditOutcomeEvent>;

/** Survival of an assistant edit at one checkpoint. */
export const SurvivalCheckpointEvent = Envelope.extend({
  kind: z.literal('survival'),
  ref: EditRef,
  checkpoint: Checkpoint,
  /** Character Levenshtein distance between inserted and current region text, divided by the inserted length. */
  distanceRatio: z.number().nonnegative(),
  /** `distanceRatio <= 0.33`. */
  unchanged: z.boolean(),
  /** Share (0–1) of the inserted text's character 4-grams still present in the region. */
  fourGramSurvival: z.number().min(0).max(1),
  regionDeleted: z.boolean(),
  /** The region's text at the checkpoint; present only at code level `all`. */
  regionText: z.string().optional(),
  /** The region's scoring window at the last checkpoint (code level `all`, document open): re-scoring's "fixed since". */
  regionContext: ScoringContext.optional(),
  /** The checkpoint was computed late (e.g. after a window reload) rather than on time. */
  late: z.boolean().optional(),
});
export type SurvivalCheckpointEvent = z.infer<typeof SurvivalCheckpointEvent>;

/**
 * ARC checkpoints, in seconds after the edit, as VS Code reports them: inline completions at 0, 30, 120, 300, 600 and
 * 900 s; chat and agent edits at 0, 60 and 300 s.
 */
export const ARC_CHECKPOINTS_S = { inline: [0, 30, 120, 300, 600, 900], chat: [0, 60, 300] } as const;
export const ArcSchedule = z.enum(['inline', 'chat']);
export type ArcSchedule = z.infer<typeof ArcSchedule>;
export const ArcCheckpoint = z.union([z.literal(0), z.literal(30), z.literal(60), z.literal(120), z.literal(300), z.literal(600), z.literal(900)]);
export type ArcCheckpoint = z.infer<typeof ArcCheckpoint>;

/**
 * Accepted-and-retained characters (ARC) of an assistant edit at one checkpoint, defined as VS Code defines it: the
 * accepted edit minus its common prefix and suffix with the text it replaced (`acceptedChars`); every later edit of the
 * document is composed onto it and the characters it overwrites or deletes drop out (`retainedChars`). Exact
 * character bookkeeping, no fuzzy matching. See README "ARC".
 */
export const ArcCheckpointEvent = Envelope.extend({
  kind: z.literal('arc'),
  ref: EditRef,
  /** `inline` for ai-inline edits, `chat` for ai-chat and ai-agent edits (VS Code's two checkpoint schedules). */
  schedule: ArcSchedule,
  checkpoint: ArcCheckpoint,
  /** Characters the edit inserted after removing its common prefix/suffix with the replaced text. */
  acceptedChars: z.number().int().nonnegative(),
  /** Of those, the characters still in the document, untouched by any later edit. */
  retainedChars: z.number().int().nonnegative(),
  /** The replaced text was unknown (an agent edit recorded from its hook alone), so no common prefix/suffix was removed. */
  untrimmed: z.boolean().optional(),
  /** Computed late (after a window reload) from the last state seen, rather than on time. */
  late: z.boolean().optional(),
});
export type ArcCheckpointEvent = z.infer<typeof ArcCheckpointEvent>;

/** A human edit that touched an assistant region after it was inserted. */
export const FollowUpFixEvent = Envelope.extend({
  kind: z.literal('follow-up-fix'),
  ref: EditRef,
  /** 1 for the first fix of this edit, 2 for the second, … */
  fixIndex: z.number().int().positive(),
  provenance: HumanProvenance,
  charsChanged: z.number().int().nonnegative(),
  msSinceEdit: z.number().int().nonnegative(),
});
export type FollowUpFixEvent = z.infer<typeof FollowUpFixEvent>;

/** A lint finding inside an assistant region: `open` when seen, `fixed` when a later check no longer finds it. */
export const FindingEvent = Envelope.extend({
  kind: z.literal('finding'),
  ref: EditRef,
  /** Stable key of this finding within the edit (rule id + anchor relative to the region). */
  findingKey: z.string().max(200),
  ruleId: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/),
  severity: Severity,
  range: Range,
  status: z.enum(['open', 'fixed']),
  message: z.string().max(500).optional(),
  /** Checkpoint (seconds) at which the status was determined; 0 = at insertion. */
  at: z.number().int().nonnegative(),
  /**
   * Rule-set version that produced this finding (`core/lint/ruleSet.ts`). Absent on records written before versions
   * existed: those read as the legacy rule set.
   */
  ruleSet: ruleSetId.optional(),
});
export type FindingEvent = z.infer<typeof FindingEvent>;

/** Language-server diagnostics inside an assistant region, once settled after the edit (`at` 0) and at checkpoints. */
export const DiagnosticsEvent = Envelope.extend({
  kind: z.literal('diagnostics'),
  ref: EditRef,
  at: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  /** Diagnostics in the region that were not there before the edit. */
  introducedErrors: z.number().int().nonnegative(),
  introducedWarnings: z.number().int().nonnegative(),
  /** Diagnostics present at the previous check and gone now. */
  fixed: z.number().int().nonnegative(),
  /** Diagnostic sources (e.g. `ts`, `Pylance`), never messages. */
  sources: z.array(shortText).max(20).optional(),
});
export type DiagnosticsEvent = z.infer<typeof DiagnosticsEvent>;

/** The per-edit score and its components (see README "Scoring"). */
export const EditScoreEvent = Envelope.extend({
  kind: z.literal('edit-score'),
  ref: EditRef,
  score: z.number().min(0).max(100),
  components: z.record(z.string().max(40), z.number()),
  linesChanged: z.number().int().nonnegative(),
  final: z.boolean(),
  /** Rule-set version of the findings in the score's lint component; absent = legacy (see `FindingEvent.ruleSet`). */
  ruleSet: ruleSetId.optional(),
});
export type EditScoreEvent = z.infer<typeof EditScoreEvent>;

/**
 * One assistant edit re-linted under a newer rule set (background re-scoring after a rule change). One record per
 * (edit, rule set), with a deterministic id, so a resumed or concurrent re-score can never count an edit twice.
 *
 * `rescored`: the edit's stored text was re-linted; `findings` and the score restate the edit's whole lint evidence
 * under `ruleSet` and supersede the edit's earlier finding/score records wherever rollups are computed (the newest
 * rule set per edit wins). `no-text`: the text was not stored (code level `noCode`), so the edit keeps its old
 * scoring and the trend is broken at the change instead of mixing rule sets silently.
 *
 * Stored in the partition of the EDIT's day (not the day it was written), so a rollup day's records stay in its own
 * and the next day's partitions.
 */
export const RescoreEvent = Envelope.extend({
  kind: z.literal('rescore'),
  ref: EditRef,
  ruleSet: ruleSetId,
  status: z.enum(['rescored', 'no-text']),
  /** Per rule: findings open at insertion, and how many of them were gone from the region at its last checkpoint. */
  findings: z
    .array(z.object({ ruleId: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/), severity: Severity, open: z.number().int().nonnegative(), fixed: z.number().int().nonnegative() }))
    .max(200),
  /** The new final score and components (absent for `no-text`). */
  score: z.number().min(0).max(100).optional(),
  components: z.record(z.string().max(40), z.number()).optional(),
});
export type RescoreEvent = z.infer<typeof RescoreEvent>;

/** The rule-set version changed (or was first seen): drawn as a marker on charts, and starts background re-scoring. */
export const RuleSetEvent = Envelope.extend({
  kind: z.literal('rule-set'),
  ruleSet: ruleSetId,
  previousRuleSet: ruleSetId.optional(),
});
export type RuleSetEvent = z.infer<typeof RuleSetEvent>;

/** A user's verdict on a finding ("Not a problem"). */
export const FeedbackEvent = Envelope.extend({
  kind: z.literal('feedback'),
  ruleId: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/),
  verdict: z.enum(['not-a-problem']),
  editId: id.optional(),
  findingKey: z.string().max(200).optional(),
  language: shortText.optional(),
});
export type FeedbackEvent = z.infer<typeof FeedbackEvent>;

/** An assistant extension's installed version changed (or was first seen): drawn as a marker on charts. */
export const AssistantVersionEvent = Envelope.extend({
  kind: z.literal('assistant-version'),
  assistant: assistantId,
  extensionId: shortText.optional(),
  previousVersion: shortText.optional(),
  version: shortText.optional(),
  model: shortText.optional(),
  previousModel: shortText.optional(),
});
export type AssistantVersionEvent = z.infer<typeof AssistantVersionEvent>;

/** Counters of human (non-assistant) editing over a period; human text is never stored. */
export const HumanActivityEvent = Envelope.extend({
  kind: z.literal('human-activity'),
  periodStart: z.number().int().nonnegative(),
  periodEnd: z.number().int().nonnegative(),
  /** Characters inserted per provenance. */
  chars: z.partialRecord(HumanProvenance, z.number().int().nonnegative()),
  /** Number of changes per provenance. */
  changes: z.partialRecord(HumanProvenance, z.number().int().nonnegative()),
  /** Characters inserted by assistants in the same period, for the share-of-code figure. */
  assistantChars: z.number().int().nonnegative().optional(),
});
export type HumanActivityEvent = z.infer<typeof HumanActivityEvent>;

export const DriftEvent = z.discriminatedUnion('kind', [
  AssistantEditEvent,
  ProposalEvent,
  ReportedSurvivalEvent,
  EditOutcomeEvent,
  SurvivalCheckpointEvent,
  ArcCheckpointEvent,
  FollowUpFixEvent,
  FindingEvent,
  DiagnosticsEvent,
  EditScoreEvent,
  FeedbackEvent,
  AssistantVersionEvent,
  HumanActivityEvent,
  RescoreEvent,
  RuleSetEvent,
]);
export type DriftEvent = z.infer<typeof DriftEvent>;
export type EventKind = DriftEvent['kind'];

/** Distributive Omit over the union, so callers can build records without envelope fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A record before the store stamps it (`schema`, `id`, `ts` and `tz` are filled in when missing). */
export type DriftEventInput = DistributiveOmit<DriftEvent, 'schema' | 'id' | 'ts' | 'tz'> &
  Partial<Pick<DriftEvent, 'id' | 'ts' | 'tz'>>;

/** Kinds whose records describe one assistant edit through `ref`. */
export function editRefOf(event: DriftEvent): EditRef | undefined {
  return 'ref' in event ? event.ref : undefined;
}
