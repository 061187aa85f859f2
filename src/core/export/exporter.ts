/**
 * Researcher exports of the local store: JSONL (raw records), CSV (one row per assistant edit), Agent Trace v0.1 (one
 * trace record per assistant edit, `agentTrace.ts`), each with redaction levels and a metadata record that says what
 * was exported, how redacted, for which range, and under what consent.
 *
 * Redaction levels:
 * - `all`: records as stored (code text included if the store kept it; workspace-relative paths included).
 * - `noCode`: code text removed (`text`, `replacedText`, `regionText`, `context`, `regionContext`); paths kept.
 * - `aggregate`: no per-edit records at all: daily aggregates per (assistant, model, language) only; no paths, no text.
 *
 * The exporter writes through an `ExportSink` so Node (file streams), the web host (workspace.fs) and tests share it.
 */
import { stringify } from 'csv-stringify/sync';
import { AGENT_TRACE_SCHEMA_FILE, agentTraceJsonSchema, agentTraceRecord } from './agentTrace.js';
import { eventsJsonSchema } from '../schema/jsonSchema.js';
import { ARC_CHECKPOINTS_S, CHECKPOINTS_S, SCHEMA_VERSION, type DriftEvent } from '../schema/events.js';
import { emptyTally, stripCode, type EventStore, type ReadTally } from '../store/eventStore.js';
import { bucketKey, type DailyRollup } from '../store/rollup.js';
import { addDays, dayOf, isDay, type Day } from '../time/day.js';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'agent-trace'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const REDACTION_LEVELS = ['all', 'noCode', 'aggregate'] as const;
export type RedactionLevel = (typeof REDACTION_LEVELS)[number];

export interface ExportConsent {
  /** How the user agreed: an explicit confirmation dialog, a CLI invocation, or a programmatic call. */
  method: 'dialog' | 'cli' | 'api';
  /** What the user was told before agreeing. */
  statement: string;
  at: string;
}

export interface ExportOptions {
  format: ExportFormat;
  redact: RedactionLevel;
  since?: Day;
  until?: Day;
  consent: ExportConsent;
  /** Tool version recorded in the metadata. */
  toolVersion: string;
  now?: () => number;
}

export interface ExportSink {
  write(chunk: string): Promise<void>;
}

export interface ExportMetadata {
  tool: 'driftwatch';
  toolVersion: string;
  exportFormatVersion: 1;
  schemaVersion: number;
  /** File name of the JSON Schema written beside the data (raw JSONL exports). */
  schemaFile: string;
  format: ExportFormat;
  redaction: RedactionLevel;
  range: { since: Day | null; until: Day | null };
  exportedAt: string;
  consent: ExportConsent;
  /**
   * `corruptLinesSkipped`: stored lines this export skipped (bad JSON, truncated writes, invalid or out-of-range
   * records); `duplicateRecordsSkipped`: records whose id was already exported (a partition copied beside itself);
   * `unreadablePartitionsSkipped`: day files that could not be read at all (see the log for which and why).
   */
  counts: {
    rows: number;
    records: number;
    futureRecords: number;
    assistantEdits: number;
    corruptLinesSkipped: number;
    duplicateRecordsSkipped: number;
    unreadablePartitionsSkipped: number;
  };
  columns?: string[];
  notes: string[];
}

export function schemaFileName(): string {
  return `events.v${SCHEMA_VERSION}.schema.json`;
}

/** The JSON Schema written beside an export of `format`: the event schema, or Agent Trace's record schema. */
export function exportSchemaOf(format: ExportFormat): { file: string; schema: Record<string, unknown> } {
  return format === 'agent-trace' ? { file: AGENT_TRACE_SCHEMA_FILE, schema: agentTraceJsonSchema() } : { file: schemaFileName(), schema: eventsJsonSchema() };
}

export function validateExportOptions(o: { format?: string; redact?: string; since?: string; until?: string }): string | undefined {
  if (o.format !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(o.format)) return `unknown format "${o.format}" (expected ${EXPORT_FORMATS.join('|')})`;
  if (o.redact !== undefined && !(REDACTION_LEVELS as readonly string[]).includes(o.redact)) return `unknown redaction level "${o.redact}" (expected ${REDACTION_LEVELS.join('|')})`;
  if (o.since !== undefined && !isDay(o.since)) return `--since must be a day YYYY-MM-DD, got "${o.since}"`;
  if (o.until !== undefined && !isDay(o.until)) return `--until must be a day YYYY-MM-DD, got "${o.until}"`;
  if (o.since !== undefined && o.until !== undefined && o.since > o.until) return `--since ${o.since} is after --until ${o.until}`;
  if (o.format === 'agent-trace' && o.redact === 'aggregate') return 'agent-trace records describe single edits; use --redact all or noCode (aggregate has no per-edit records)';
  return undefined;
}

/** Every ARC checkpoint of either schedule, ascending (an edit has values only at its own schedule's). */
const ARC_COLUMNS_S = [...new Set<number>([...ARC_CHECKPOINTS_S.inline, ...ARC_CHECKPOINTS_S.chat])].sort((a, b) => a - b);

/** Columns of the per-edit CSV, in order. Documented in the README. */
export const EDIT_CSV_COLUMNS = [
  'edit_id',
  'time_utc',
  'day',
  'assistant',
  'assistant_version',
  'model',
  'provenance',
  'channel',
  'language',
  'file',
  'lines_added',
  'lines_removed',
  'chars_inserted',
  'outcome',
  ...CHECKPOINTS_S.flatMap((s): string[] => [`unchanged_${s}s`, `fourgram_survival_${s}s`]),
  'arc_accepted_chars',
  ...ARC_COLUMNS_S.map((s) => `arc_retained_${s}s`),
  'fixes',
  'fix_chars',
  'ms_to_first_fix',
  'findings_open',
  'findings_fixed',
  'finding_rules',
  'diag_errors',
  'diag_warnings',
  'diag_introduced_errors',
  'score',
] as const;

/** Columns of the aggregate CSV (one row per day and assistant/model/language bucket). */
export const AGGREGATE_CSV_COLUMNS = [
  'day',
  'assistant',
  'model',
  'language',
  'edits',
  'lines_added',
  'chars_inserted',
  'accepted',
  'rejected',
  'modified',
  'deleted',
  'proposals_accepted',
  'proposals_rejected',
  'survival_5m_n',
  'survival_5m_unchanged',
  'arc_5m_n',
  'arc_5m_accepted_chars',
  'arc_5m_retained_chars',
  'fixes',
  'edits_fixed',
  'findings_open',
  'findings_fixed',
  'scores_n',
  'score_mean',
] as const;

interface EditRow {
  event: DriftEvent & { kind: 'assistant-edit' };
  outcome?: string;
  survival: Map<number, { unchanged: boolean; fourGram: number }>;
  arcAccepted?: number;
  arc: Map<number, number>;
  fixes: number;
  fixChars: number;
  msToFirstFix?: number;
  findingsOpen: Set<string>;
  findingsFixed: Set<string>;
  rules: Set<string>;
  diag?: { errors: number; warnings: number; introducedErrors: number };
  score?: number;
}

/** Runs an export into `sink`; returns the metadata record (which the caller writes beside the data). */
export async function runExport(store: EventStore, options: ExportOptions, sink: ExportSink): Promise<ExportMetadata> {
  const now = options.now ?? Date.now;
  const meta: ExportMetadata = {
    tool: 'driftwatch',
    toolVersion: options.toolVersion,
    exportFormatVersion: 1,
    schemaVersion: SCHEMA_VERSION,
    schemaFile: exportSchemaOf(options.format).file,
    format: options.format,
    redaction: options.redact,
    range: { since: options.since ?? null, until: options.until ?? null },
    exportedAt: new Date(now()).toISOString(),
    consent: options.consent,
    counts: { rows: 0, records: 0, futureRecords: 0, assistantEdits: 0, corruptLinesSkipped: 0, duplicateRecordsSkipped: 0, unreadablePartitionsSkipped: 0 },
    notes: [],
  };
  await store.flush();
  // What THIS export's read skipped (the store's health counters describe the latest read of each file instead).
  const tally = emptyTally();

  if (options.redact === 'aggregate') {
    // Bring the rollups up to date with other windows' appends, so the aggregate equals what `report` shows.
    await store.refresh();
    await exportAggregate(store.rollups(options.since, options.until), options.format, sink, meta);
  } else if (options.format === 'agent-trace') {
    await exportAgentTrace(store, options, sink, meta, tally);
  } else if (options.format === 'jsonl') {
    await exportJsonl(store, options, sink, meta, tally);
  } else {
    await exportEditCsv(store, options, sink, meta, tally);
  }
  meta.counts.corruptLinesSkipped = tally.corruptLines;
  meta.counts.duplicateRecordsSkipped = tally.duplicateRecords;
  meta.counts.unreadablePartitionsSkipped = tally.unreadablePartitions;
  if (tally.corruptLines > 0) meta.notes.push(`${tally.corruptLines} corrupt or out-of-range stored line(s) were skipped.`);
  if (tally.duplicateRecords > 0) meta.notes.push(`${tally.duplicateRecords} duplicate record(s) (same id stored twice) were exported once.`);
  if (tally.unreadablePartitions > 0) meta.notes.push(`${tally.unreadablePartitions} unreadable day file(s) were skipped (see the log).`);
  return meta;
}

async function exportJsonl(store: EventStore, options: ExportOptions, sink: ExportSink, meta: ExportMetadata, tally: ReadTally): Promise<void> {
  const range = { ...(options.since !== undefined ? { since: options.since } : {}), ...(options.until !== undefined ? { until: options.until } : {}) };
  let batch: string[] = [];
  for await (const rec of store.readRaw({ ...range, seen: new Set(), tally })) {
    let line: string;
    if (rec.decoded.type === 'future') {
      // Preserved as stored: a newer Driftwatch wrote it; we pass it on, minus code at `noCode`.
      meta.counts.futureRecords++;
      line = options.redact === 'noCode' ? JSON.stringify(stripCode(rec.decoded.raw)) : rec.line.trim();
    } else if (rec.decoded.type === 'event') {
      if (rec.decoded.event.kind === 'assistant-edit') meta.counts.assistantEdits++;
      line = options.redact === 'noCode' ? JSON.stringify(stripCode(rec.decoded.event as unknown as Record<string, unknown>)) : rec.line.trim();
    } else {
      continue;
    }
    meta.counts.records++;
    meta.counts.rows++;
    batch.push(line);
    if (batch.length >= 1000) {
      await sink.write(batch.join('\n') + '\n');
      batch = [];
    }
  }
  if (batch.length > 0) await sink.write(batch.join('\n') + '\n');
  if (meta.counts.futureRecords > 0) meta.notes.push(`${meta.counts.futureRecords} record(s) from a newer schema version were passed through unchanged.`);
}

/** One Agent Trace record per assistant edit, in the order the edits were recorded (see `agentTrace.ts`). */
async function exportAgentTrace(store: EventStore, options: ExportOptions, sink: ExportSink, meta: ExportMetadata, tally: ReadTally): Promise<void> {
  const edits = new Map<string, { event: DriftEvent & { kind: 'assistant-edit' }; outcome?: string }>();
  // Outcomes land after their edit (up to 15 minutes, possibly the next day): read one day past `until`.
  const readUntil = options.until !== undefined ? addDays(options.until, 1) : undefined;
  for await (const event of store.read({ ...(options.since !== undefined ? { since: options.since } : {}), ...(readUntil !== undefined ? { until: readUntil } : {}), tally })) {
    meta.counts.records++;
    if (event.kind === 'assistant-edit') {
      if (options.until !== undefined && dayOf(event.ts, event.tz) > options.until) continue;
      edits.set(event.id, { event });
    } else if (event.kind === 'edit-outcome') {
      const e = edits.get(event.ref.editId);
      if (e) e.outcome = event.outcome;
    }
  }
  const withHash = options.redact === 'all';
  let batch: string[] = [];
  for (const { event, outcome } of edits.values()) {
    const record = await agentTraceRecord(event, { ...(outcome !== undefined ? { outcome } : {}), toolVersion: options.toolVersion, withHash });
    batch.push(JSON.stringify(record));
    meta.counts.rows++;
    meta.counts.assistantEdits++;
    if (batch.length >= 1000) {
      await sink.write(batch.join('\n') + '\n');
      batch = [];
    }
  }
  if (batch.length > 0) await sink.write(batch.join('\n') + '\n');
  meta.notes.push(
    withHash
      ? 'Agent Trace v0.1: one trace record per assistant edit; content_hash is SHA-256 of the inserted text where the store kept it.'
      : 'Agent Trace v0.1: one trace record per assistant edit; no content hashes at this redaction level.',
  );
}

async function exportEditCsv(store: EventStore, options: ExportOptions, sink: ExportSink, meta: ExportMetadata, tally: ReadTally): Promise<void> {
  meta.columns = [...EDIT_CSV_COLUMNS];
  const rows = new Map<string, EditRow>();
  // Records about an edit can land on the next day (late checkpoints), so read one extra day past `until`.
  const readUntil = options.until !== undefined ? addDays(options.until, 1) : undefined;
  for await (const event of store.read({ ...(options.since !== undefined ? { since: options.since } : {}), ...(readUntil !== undefined ? { until: readUntil } : {}), tally })) {
    meta.counts.records++;
    if (event.kind === 'assistant-edit') {
      const day = dayOf(event.ts, event.tz);
      if (options.until !== undefined && day > options.until) continue;
      rows.set(event.id, { event, survival: new Map(), arc: new Map(), fixes: 0, fixChars: 0, findingsOpen: new Set(), findingsFixed: new Set(), rules: new Set() });
      continue;
    }
    if (!('ref' in event)) continue;
    const row = rows.get(event.ref.editId);
    if (!row) continue;
    switch (event.kind) {
      case 'edit-outcome':
        row.outcome = event.outcome;
        break;
      case 'survival':
        row.survival.set(event.checkpoint, { unchanged: event.unchanged, fourGram: event.fourGramSurvival });
        break;
      case 'arc':
        row.arcAccepted = event.acceptedChars;
        row.arc.set(event.checkpoint, event.retainedChars);
        break;
      case 'follow-up-fix':
        row.fixes++;
        row.fixChars += event.charsChanged;
        if (event.fixIndex === 1) row.msToFirstFix = event.msSinceEdit;
        break;
      case 'finding':
        row.rules.add(event.ruleId);
        if (event.status === 'open') row.findingsOpen.add(event.findingKey);
        else row.findingsFixed.add(event.findingKey);
        break;
      case 'diagnostics':
        if (event.at === 0) row.diag = { errors: event.errors, warnings: event.warnings, introducedErrors: event.introducedErrors };
        break;
      case 'edit-score':
        if (event.final || row.score === undefined) row.score = event.score;
        break;
    }
  }
  await sink.write(stringify([meta.columns]));
  let batch: unknown[][] = [];
  for (const row of rows.values()) {
    const e = row.event;
    const cells: unknown[] = [
      e.id,
      new Date(e.ts).toISOString(),
      dayOf(e.ts, e.tz),
      e.assistant,
      e.assistantVersion ?? '',
      e.model ?? '',
      e.provenance,
      e.channel,
      e.language,
      e.file,
      e.linesAdded,
      e.linesRemoved,
      e.charsInserted,
      row.outcome ?? '',
      ...CHECKPOINTS_S.flatMap((s): (string | number)[] => {
        const v = row.survival.get(s);
        return v ? [v.unchanged ? 1 : 0, round(v.fourGram)] : ['', ''];
      }),
      row.arcAccepted ?? '',
      ...ARC_COLUMNS_S.map((s) => row.arc.get(s) ?? ''),
      row.fixes,
      row.fixChars,
      row.msToFirstFix ?? '',
      [...row.findingsOpen].filter((k) => !row.findingsFixed.has(k)).length,
      row.findingsFixed.size,
      [...row.rules].sort().join(' '),
      row.diag?.errors ?? '',
      row.diag?.warnings ?? '',
      row.diag?.introducedErrors ?? '',
      row.score !== undefined ? round(row.score) : '',
    ];
    batch.push(cells);
    meta.counts.rows++;
    meta.counts.assistantEdits++;
    if (batch.length >= 1000) {
      await sink.write(csvRows(batch));
      batch = [];
    }
  }
  if (batch.length > 0) await sink.write(csvRows(batch));
}

async function exportAggregate(rollups: DailyRollup[], format: ExportFormat, sink: ExportSink, meta: ExportMetadata): Promise<void> {
  meta.notes.push('Aggregate export: daily counters per assistant, model and language only; no per-edit records, code text or paths.');
  const rows: Record<(typeof AGGREGATE_CSV_COLUMNS)[number], string | number>[] = [];
  for (const r of rollups) {
    // Buckets are also split by edit-size class (for drift strata); the export keeps one row per assistant, model
    // and language, so the classes of one cell are summed back together.
    const cells = new Map<string, { row: (typeof rows)[number]; scoreSum: number }>();
    for (const b of Object.values(r.buckets)) {
      const key = bucketKey(b.assistant, b.model, b.language);
      let cell = cells.get(key);
      if (!cell) {
        cell = { row: { day: r.day, assistant: b.assistant, model: b.model, language: b.language }, scoreSum: 0 } as { row: (typeof rows)[number]; scoreSum: number };
        for (const c of AGGREGATE_CSV_COLUMNS) if (!(c in cell.row)) cell.row[c] = 0;
        cells.set(key, cell);
        rows.push(cell.row);
      }
      const s5 = b.survival['300'];
      const arc5 = b.arc?.['300'];
      let open = 0;
      let fixed = 0;
      for (const f of Object.values(b.findings)) {
        open += f.open;
        fixed += f.fixed;
      }
      const add: Partial<Record<(typeof AGGREGATE_CSV_COLUMNS)[number], number>> = {
        edits: b.edits,
        lines_added: b.linesAdded,
        chars_inserted: b.charsInserted,
        accepted: b.outcomes.accepted,
        rejected: b.outcomes.rejected,
        modified: b.outcomes.modified,
        deleted: b.outcomes.deleted,
        proposals_accepted: b.proposals.accepted,
        proposals_rejected: b.proposals.rejected,
        survival_5m_n: s5?.n ?? 0,
        survival_5m_unchanged: s5?.unchanged ?? 0,
        arc_5m_n: arc5?.n ?? 0,
        arc_5m_accepted_chars: arc5?.accepted ?? 0,
        arc_5m_retained_chars: arc5?.retained ?? 0,
        fixes: b.fixes.count,
        edits_fixed: b.fixes.editsFixed,
        findings_open: open,
        findings_fixed: fixed,
        scores_n: b.scores.n,
      };
      for (const [c, v] of Object.entries(add)) cell.row[c as keyof typeof add] = Number(cell.row[c as keyof typeof add]) + (v ?? 0);
      cell.scoreSum += b.scores.sum;
      const n = Number(cell.row.scores_n);
      cell.row.score_mean = n > 0 ? round(cell.scoreSum / n) : '';
    }
  }
  meta.counts.rows = rows.length;
  meta.counts.assistantEdits = rows.reduce((n, r) => n + Number(r.edits), 0);
  if (format === 'csv') {
    meta.columns = [...AGGREGATE_CSV_COLUMNS];
    await sink.write(stringify([meta.columns]));
    if (rows.length > 0) await sink.write(csvRows(rows.map((r) => AGGREGATE_CSV_COLUMNS.map((c) => r[c]))));
  } else {
    meta.columns = [...AGGREGATE_CSV_COLUMNS];
    const lines = rows.map((r) => JSON.stringify({ kind: 'daily-aggregate', exportFormatVersion: 1, ...r }));
    if (lines.length > 0) await sink.write(lines.join('\n') + '\n');
  }
}

/**
 * Neutralises a CSV cell a spreadsheet would run as a formula (OWASP "CSV injection"): a text cell starting with
 * `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, which spreadsheets show as text. Numbers are left as
 * they are (a negative number is data, not a formula).
 */
export function csvSafeCell(cell: unknown): unknown {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csvRows(rows: unknown[][]): string {
  return stringify(rows.map((r) => r.map(csvSafeCell)));
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
