/**
 * The records an agent hook leaves in the spool folder, validated and turned into {@link HookSignal}s.
 *
 * Three shapes are understood, told apart by their content (the agent name in the spool file's name is only a hint):
 * - Claude Code: `hook_event_name` PreToolUse / PostToolUse (tools Edit, Write, MultiEdit, NotebookEdit), Stop,
 *   SessionEnd; fields `session_id`, `tool_name`, `tool_input`, `tool_use_id`, and on PostToolUse `tool_response`
 *   (`filePath`, `structuredPatch`, `userModified`).
 * - Cursor: `hook_event_name` afterFileEdit / afterTabFileEdit with `file_path`, `edits[{old_string,new_string}]`,
 *   `model`, `conversation_id`, `generation_id`.
 * - Driftwatch's generic format (`"driftwatch": 1`, docs/spool.schema.json) for any other tool: proposal, accept,
 *   reject, turn-end, session-end.
 * Anything else is rejected with a reason (one log line in the host); other Claude Code tools and events are ignored.
 */
import * as z from 'zod';
import { toAssistantSlug } from '../capture/assistantCatalog.js';

/** Largest spool record read (the hook command itself cuts at 16 MiB). */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;
const MAX_TEXT = 4 * 1024 * 1024;
const MAX_PATH = 4096;

const text = z.string().max(MAX_TEXT);
const path = z.string().min(1).max(MAX_PATH);
const idString = z.string().min(1).max(200);

/** Claude Code's editing tools whose calls Driftwatch follows. */
export const CLAUDE_EDIT_TOOLS = ['Edit', 'Write', 'MultiEdit', 'NotebookEdit'] as const;

const EditInput = z.object({ file_path: path, old_string: text.optional(), new_string: text, replace_all: z.boolean().optional() });
const WriteInput = z.object({ file_path: path, content: text });
const MultiEditInput = z.object({ file_path: path, edits: z.array(z.object({ old_string: text.optional(), new_string: text })).min(1).max(1000) });
const NotebookEditInput = z.object({ notebook_path: path, new_source: text.optional(), cell_id: z.string().max(200).optional(), edit_mode: z.string().max(40).optional() });

const Hunk = z.object({ oldStart: z.number().int(), oldLines: z.number().int(), newStart: z.number().int().nonnegative(), newLines: z.number().int(), lines: z.array(z.string().max(MAX_TEXT)).max(100_000) });

const ClaudeCommon = z.object({
  session_id: idString,
  cwd: z.string().max(MAX_PATH).optional(),
  transcript_path: z.string().max(MAX_PATH).optional(),
});

const ClaudeToolEvent = ClaudeCommon.extend({
  hook_event_name: z.enum(['PreToolUse', 'PostToolUse']),
  tool_name: z.string().min(1).max(200),
  tool_input: z.record(z.string(), z.unknown()),
  tool_use_id: idString.optional(),
  tool_response: z
    .object({
      filePath: z.string().max(MAX_PATH).optional(),
      structuredPatch: z.array(Hunk).max(10_000).optional(),
      userModified: z.boolean().optional(),
    })
    .optional(),
});

const ClaudeEndEvent = ClaudeCommon.extend({ hook_event_name: z.enum(['Stop', 'SessionEnd', 'SubagentStop']), reason: z.string().max(200).optional() });

const CursorEditEvent = z.object({
  hook_event_name: z.enum(['afterFileEdit', 'afterTabFileEdit']),
  file_path: path,
  edits: z.array(z.object({ old_string: text.optional(), new_string: text })).max(1000),
  model: z.string().max(200).optional(),
  conversation_id: idString.optional(),
  generation_id: idString.optional(),
  workspace_roots: z.array(z.string().max(MAX_PATH)).max(100).optional(),
});

/** Driftwatch's generic spool record (documented in docs/spool.md, JSON Schema docs/spool.schema.json). */
export const GenericSpoolRecord = z
  .object({
    driftwatch: z.literal(1),
    event: z.enum(['proposal', 'accept', 'reject', 'turn-end', 'session-end']),
    /** Assistant id: a lower-case slug such as `aider`, `cline`, `my-script`. */
    assistant: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/),
    /** Id of the proposal (one tool call / one suggested change); required for proposal, accept and reject. */
    id: idString.optional(),
    /** Groups proposals into a session; turn-end / session-end reject that session's undecided proposals. */
    session: idString.optional(),
    /** Absolute path of the file (or relative to `cwd`). */
    file: path.optional(),
    cwd: z.string().max(MAX_PATH).optional(),
    /** The proposed (for `proposal`) or applied (for `accept`) text. */
    text: text.optional(),
    model: z.string().max(200).optional(),
    tool: z.string().max(200).optional(),
    /** `accept` only: the user changed the proposal before accepting it. */
    userModified: z.boolean().optional(),
  })
  .refine((r) => r.event === 'turn-end' || r.event === 'session-end' || r.id !== undefined, { message: 'id is required for proposal, accept and reject', path: ['id'] })
  .refine((r) => r.event !== 'proposal' || (r.file !== undefined && r.text !== undefined), { message: 'a proposal needs file and text', path: ['file'] });
export type GenericSpoolRecord = z.infer<typeof GenericSpoolRecord>;

interface SignalBase {
  /** Assistant id (`claude-code`, `cursor`, or the generic record's). */
  readonly assistant: string;
  readonly session?: string;
}

/** An edit-tool call (or generic proposal): its key matches the later applied/rejected signal. */
export interface CallSignal extends SignalBase {
  readonly key: string;
  /** Absolute file path as the agent reported it (`/` or a drive letter). */
  readonly file: string;
  readonly toolName?: string;
  /** Texts that appear in the file when the call is applied. */
  readonly texts: readonly string[];
  readonly model?: string;
  /** Tab completions are inline edits; everything else is agent work. */
  readonly provenance: 'ai-agent' | 'ai-inline';
}

export type HookSignal =
  | ({ readonly type: 'proposal' } & CallSignal)
  | ({ readonly type: 'applied'; readonly userModified?: boolean; /** 1-based first line of the change, when known. */ readonly line?: number } & CallSignal)
  | ({ readonly type: 'rejected' } & SignalBase & { readonly key: string })
  | ({ readonly type: 'turn-end' | 'session-end' } & SignalBase);

export type ParseResult = { ok: true; signal: HookSignal | undefined; note?: string } | { ok: false; reason: string };

/** Parses one spool record (the raw file text). `undefined` signal: valid but not about editing (ignored quietly). */
export function parseSpoolRecord(raw: string, fallbackId: string): ParseResult {
  if (raw.length > MAX_RECORD_BYTES) return { ok: false, reason: `record too large (${raw.length} bytes)` };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return { ok: false, reason: `not JSON (${err instanceof Error ? err.message.slice(0, 120) : 'parse error'})` };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, reason: 'not a JSON object' };
  const obj = json as Record<string, unknown>;
  if (obj['driftwatch'] !== undefined) return fromGeneric(obj);
  const event = obj['hook_event_name'];
  if (event === 'afterFileEdit' || event === 'afterTabFileEdit') return fromCursor(obj, fallbackId);
  if (typeof event === 'string') return fromClaude(obj, event);
  return { ok: false, reason: 'neither a Claude Code, Cursor nor Driftwatch record (no hook_event_name / driftwatch field)' };
}

function issues(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ')
    .slice(0, 300);
}

function fromClaude(obj: Record<string, unknown>, event: string): ParseResult {
  if (event === 'Stop' || event === 'SessionEnd' || event === 'SubagentStop') {
    const r = ClaudeEndEvent.safeParse(obj);
    if (!r.success) return { ok: false, reason: `Claude Code ${event}: ${issues(r.error)}` };
    // A subagent's stop ends only the subagent's turn; the main turn's Stop decides the proposals.
    if (event === 'SubagentStop') return { ok: true, signal: undefined };
    return { ok: true, signal: { type: event === 'Stop' ? 'turn-end' : 'session-end', assistant: 'claude-code', session: r.data.session_id } };
  }
  if (event !== 'PreToolUse' && event !== 'PostToolUse') return { ok: true, signal: undefined, note: `Claude Code ${event} ignored` };
  const r = ClaudeToolEvent.safeParse(obj);
  if (!r.success) return { ok: false, reason: `Claude Code ${event}: ${issues(r.error)}` };
  const e = r.data;
  if (!(CLAUDE_EDIT_TOOLS as readonly string[]).includes(e.tool_name)) return { ok: true, signal: undefined, note: `Claude Code tool ${e.tool_name} ignored` };
  const input = toolInput(e.tool_name, e.tool_input);
  if (!input.ok) return { ok: false, reason: `Claude Code ${event} ${e.tool_name}: ${input.reason}` };
  const file = resolvePath(e.tool_response?.filePath || input.file, e.cwd);
  if (file === undefined) return { ok: false, reason: `Claude Code ${event}: file path is relative and there is no cwd` };
  // Without tool_use_id (older Claude Code), the call is recognised by what it does.
  const key = e.tool_use_id ?? `${e.session_id}:${e.tool_name}:${input.file}:${fingerprint(input.texts)}`;
  const base = { assistant: 'claude-code', session: e.session_id, key, file, toolName: e.tool_name, provenance: 'ai-agent' as const };
  if (event === 'PreToolUse') return { ok: true, signal: { type: 'proposal', ...base, texts: input.texts } };
  const patch = e.tool_response?.structuredPatch;
  // The patch is what landed on disk, including the user's changes to the proposal; the input is what was proposed.
  const added = patch ? patch.map((h) => h.lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1)).join('\n')).filter((t) => t.trim() !== '') : [];
  return {
    ok: true,
    signal: {
      type: 'applied',
      ...base,
      texts: added.length > 0 ? added : input.texts,
      ...(e.tool_response?.userModified !== undefined ? { userModified: e.tool_response.userModified } : {}),
      ...(patch && patch.length > 0 ? { line: patch[0]!.newStart } : {}),
    },
  };
}

function toolInput(tool: string, input: Record<string, unknown>): { ok: true; file: string; texts: string[] } | { ok: false; reason: string } {
  switch (tool) {
    case 'Edit': {
      const r = EditInput.safeParse(input);
      return r.success ? { ok: true, file: r.data.file_path, texts: [r.data.new_string] } : { ok: false, reason: issues(r.error) };
    }
    case 'Write': {
      const r = WriteInput.safeParse(input);
      return r.success ? { ok: true, file: r.data.file_path, texts: [r.data.content] } : { ok: false, reason: issues(r.error) };
    }
    case 'MultiEdit': {
      const r = MultiEditInput.safeParse(input);
      return r.success ? { ok: true, file: r.data.file_path, texts: r.data.edits.map((x) => x.new_string) } : { ok: false, reason: issues(r.error) };
    }
    default: {
      const r = NotebookEditInput.safeParse(input);
      return r.success ? { ok: true, file: r.data.notebook_path, texts: [r.data.new_source ?? ''] } : { ok: false, reason: issues(r.error) };
    }
  }
}

function fromCursor(obj: Record<string, unknown>, fallbackId: string): ParseResult {
  const r = CursorEditEvent.safeParse(obj);
  if (!r.success) return { ok: false, reason: `Cursor ${String(obj['hook_event_name'])}: ${issues(r.error)}` };
  const e = r.data;
  const file = resolvePath(e.file_path, e.workspace_roots?.[0]);
  if (file === undefined) return { ok: false, reason: 'Cursor: file path is relative and there are no workspace_roots' };
  const texts = e.edits.map((x) => x.new_string);
  // One afterFileEdit per file per generation; the spool file's name keeps two reports of one generation apart.
  const key = `${e.generation_id ?? fallbackId}:${file}:${fingerprint(texts)}`;
  return {
    ok: true,
    signal: {
      type: 'applied',
      assistant: 'cursor',
      ...(e.conversation_id !== undefined ? { session: e.conversation_id } : {}),
      key,
      file,
      toolName: e.hook_event_name,
      texts,
      ...(e.model !== undefined ? { model: e.model } : {}),
      provenance: e.hook_event_name === 'afterTabFileEdit' ? 'ai-inline' : 'ai-agent',
    },
  };
}

function fromGeneric(obj: Record<string, unknown>): ParseResult {
  const r = GenericSpoolRecord.safeParse(obj);
  if (!r.success) return { ok: false, reason: `Driftwatch spool record: ${issues(r.error)}` };
  const g = r.data;
  const assistant = toAssistantSlug(g.assistant);
  const base = { assistant, ...(g.session !== undefined ? { session: g.session } : {}) };
  if (g.event === 'turn-end' || g.event === 'session-end') return { ok: true, signal: { type: g.event, ...base } };
  const key = `${assistant}:${g.id!}`;
  if (g.event === 'reject') return { ok: true, signal: { type: 'rejected', ...base, key } };
  const file = g.file !== undefined ? resolvePath(g.file, g.cwd) : undefined;
  if (g.file !== undefined && file === undefined) return { ok: false, reason: 'Driftwatch spool record: file path is relative and there is no cwd' };
  const call = {
    ...base,
    key,
    file: file ?? '',
    ...(g.tool !== undefined ? { toolName: g.tool } : {}),
    texts: g.text !== undefined ? [g.text] : [],
    ...(g.model !== undefined ? { model: g.model } : {}),
    provenance: 'ai-agent' as const,
  };
  if (g.event === 'proposal') return { ok: true, signal: { type: 'proposal', ...call } };
  return { ok: true, signal: { type: 'applied', ...call, ...(g.userModified !== undefined ? { userModified: g.userModified } : {}) } };
}

const ABSOLUTE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

/** An absolute path, or `relative` joined to `base`; undefined when neither is absolute. */
export function resolvePath(file: string, base: string | undefined): string | undefined {
  if (ABSOLUTE.test(file)) return file;
  if (base === undefined || !ABSOLUTE.test(base)) return undefined;
  const sep = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  return base.replace(/[\\/]+$/, '') + sep + file.replace(/^\.[\\/]/, '');
}

/** FNV-1a of the texts: a short stable key part for calls without an id. */
function fingerprint(texts: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      h ^= t.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x1f;
  }
  return h.toString(16);
}
