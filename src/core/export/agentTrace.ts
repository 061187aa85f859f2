/**
 * Agent Trace v0.1 (https://agent-trace.dev, the open format for attributing code ranges to AI): one trace record per
 * assistant edit. The JSON Schema written beside every such export is `agentTraceRecord.schema.json`, transcribed
 * from the specification's text (§6.1); the CLI test validates every record against it.
 *
 * What a record carries, and nothing more: the spec's required fields (`version`, `id`, `timestamp`, `files` with the
 * workspace-relative `path` every per-edit export already holds), the contributor (`ai` and the model when known),
 * the edit's 1-based line range at the time of the edit, a `sha256:` hash of the inserted text only when the export
 * keeps code (`--redact all` and a store at code level `all`), the generating tool, and under the reverse-domain
 * metadata key `dev.driftwatch` the fields the CSV export already has (edit id, assistant, versions, provenance,
 * channel, language, outcome). No code text, no absolute paths, no conversation URLs (Driftwatch has none).
 */
import type { AssistantEditEvent, Range } from '../schema/events.js';
import agentTraceSchema from './agentTraceRecord.schema.json';

/** The specification version written in `version` (the spec's schema requires `major.minor`). */
export const AGENT_TRACE_VERSION = '0.1';
export const AGENT_TRACE_SCHEMA_FILE = 'agent-trace.v0.1.schema.json';

/** The JSON Schema of one record, as transcribed from the specification. */
export function agentTraceJsonSchema(): Record<string, unknown> {
  return agentTraceSchema as Record<string, unknown>;
}

export interface AgentTraceContributor {
  type: 'human' | 'ai' | 'mixed' | 'unknown';
  model_id?: string;
}

export interface AgentTraceRange {
  start_line: number;
  end_line: number;
  content_hash?: string;
}

export interface AgentTraceRecord {
  version: string;
  id: string;
  timestamp: string;
  tool: { name: string; version: string };
  files: { path: string; conversations: { contributor: AgentTraceContributor; ranges: AgentTraceRange[] }[] }[];
  metadata: { 'dev.driftwatch': Record<string, string | number> };
}

const encoder = new TextEncoder();

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/**
 * A stable record id: an RFC 9562 version-8 (name-based, custom) UUID from SHA-256 of the edit id, so exporting the
 * same store twice gives the same ids and consumers can de-duplicate.
 */
export async function traceIdOf(editId: string): Promise<string> {
  const h = await sha256Hex(`driftwatch/agent-trace/${editId}`);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Providers of well-known model families, for the models.dev `provider/model` form the spec asks for. */
const PROVIDERS: readonly [RegExp, string][] = [
  [/^claude/i, 'anthropic'],
  [/^(gpt|o[1-9]|chatgpt|codex)/i, 'openai'],
  [/^gemini/i, 'google'],
  [/^(mistral|codestral|devstral)/i, 'mistral'],
  [/^grok/i, 'xai'],
  [/^deepseek/i, 'deepseek'],
];

/**
 * The model as `provider/model`: kept when it already names a provider, prefixed for a well-known family, otherwise
 * written as recorded (never guessed). Cut to the spec's 250 characters.
 */
export function modelIdOf(model: string): string {
  const m = model.trim();
  if (m.includes('/')) return m.slice(0, 250);
  const provider = PROVIDERS.find(([re]) => re.test(m))?.[1];
  return (provider ? `${provider}/${m}` : m).slice(0, 250);
}

/** 1-based, inclusive lines of a zero-based range; a range ending at the start of a line ends on the line before. */
export function lineRangeOf(range: Range): { start_line: number; end_line: number } {
  const start = range.start.line + 1;
  const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line : range.end.line + 1;
  return { start_line: start, end_line: Math.max(start, endLine) };
}

/** The trace record of one assistant edit. `withHash` only when the export may carry code-derived values. */
export async function agentTraceRecord(edit: AssistantEditEvent, o: { outcome?: string; toolVersion: string; withHash: boolean }): Promise<AgentTraceRecord> {
  const range: AgentTraceRange = { ...lineRangeOf(edit.range) };
  if (o.withHash && edit.text !== undefined) range.content_hash = `sha256:${await sha256Hex(edit.text)}`;
  const contributor: AgentTraceContributor = { type: 'ai', ...(edit.model !== undefined ? { model_id: modelIdOf(edit.model) } : {}) };
  const meta: Record<string, string | number> = {
    edit_id: edit.id,
    assistant: edit.assistant,
    provenance: edit.provenance,
    channel: edit.channel,
    language: edit.language,
    lines_added: edit.linesAdded,
    chars_inserted: edit.charsInserted,
  };
  if (edit.assistantVersion !== undefined) meta['assistant_version'] = edit.assistantVersion;
  if (edit.extensionId !== undefined) meta['extension_id'] = edit.extensionId;
  if (edit.model !== undefined) meta['model'] = edit.model;
  if (o.outcome !== undefined) meta['outcome'] = o.outcome;
  return {
    version: AGENT_TRACE_VERSION,
    id: await traceIdOf(edit.id),
    timestamp: new Date(edit.ts).toISOString(),
    tool: { name: 'driftwatch', version: o.toolVersion },
    files: [{ path: edit.file, conversations: [{ contributor, ranges: [range] }] }],
    metadata: { 'dev.driftwatch': meta },
  };
}
