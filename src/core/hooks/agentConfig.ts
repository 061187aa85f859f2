/**
 * The hook configuration Driftwatch writes for an agent, and how it is merged into (and removed from) the agent's own
 * settings file without touching anything else in it. Pure: the host reads and writes the files.
 *
 * - Claude Code: `.claude/settings.local.json` (the per-user, not-committed project settings) gets PreToolUse and
 *   PostToolUse entries matching the editing tools, plus Stop and SessionEnd.
 * - Cursor: `.cursor/hooks.json` (`version: 1`) gets afterFileEdit and afterTabFileEdit.
 * Driftwatch's entries are recognised by the hook command's file name, so connecting twice changes nothing and
 * disconnecting removes exactly what connecting added.
 */

export type AgentId = 'claude-code' | 'cursor';

/** Workspace-relative path of each agent's configuration file. */
export const AGENT_CONFIG_FILES: Readonly<Record<AgentId, string>> = { 'claude-code': '.claude/settings.local.json', cursor: '.cursor/hooks.json' };

export const AGENT_NAMES: Readonly<Record<AgentId, string>> = { 'claude-code': 'Claude Code', cursor: 'Cursor' };

/** The marker that identifies Driftwatch's hook entries (the hook command's file name). */
export const HOOK_MARKER = 'driftwatch-hook.sh';

export const CLAUDE_EDIT_MATCHER = 'Edit|Write|MultiEdit|NotebookEdit';

/** Paths (workspace-relative, `/`) of agent configuration (hook settings included): never recorded as assistant edits. */
export function isAgentConfigPath(relativePath: string): boolean {
  return /^(\.claude|\.cursor)(\/|$)/.test(relativePath);
}

/** Single-quotes an argument for a POSIX shell. */
export function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The command line an agent runs for each event. */
export function hookCommand(shell: string, script: string, spoolDir: string, agent: AgentId): string {
  return `${shellQuote(shell)} ${shellQuote(script)} ${shellQuote(spoolDir)} ${agent}`;
}

export type ConfigResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

type Json = Record<string, unknown>;

function parseObject(text: string | undefined): Json | string {
  if (text === undefined || text.trim() === '') return {};
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : 'the file is not a JSON object';
  } catch (err) {
    return `the file is not valid JSON (${err instanceof Error ? err.message : 'parse error'})`;
  }
}

function isOurs(entry: unknown): boolean {
  return typeof entry === 'object' && entry !== null && typeof (entry as Json)['command'] === 'string' && ((entry as Json)['command'] as string).includes(HOOK_MARKER);
}

/** Removes Driftwatch's entries from one Claude Code event list; groups left with no hooks go too. */
function withoutOursClaude(groups: unknown): unknown[] | undefined {
  if (!Array.isArray(groups)) return undefined;
  const out: unknown[] = [];
  for (const g of groups) {
    if (typeof g !== 'object' || g === null || !Array.isArray((g as Json)['hooks'])) {
      out.push(g);
      continue;
    }
    const hooks = ((g as Json)['hooks'] as unknown[]).filter((h) => !isOurs(h));
    if (hooks.length > 0) out.push({ ...(g as Json), hooks });
  }
  return out;
}

const CLAUDE_EVENTS = ['PreToolUse', 'PostToolUse', 'Stop', 'SessionEnd'] as const;
const CURSOR_EVENTS = ['afterFileEdit', 'afterTabFileEdit'] as const;

/** The settings text with Driftwatch connected (`command` for every event), or why it cannot be changed. */
export function connectConfig(agent: AgentId, existing: string | undefined, command: string): ConfigResult {
  const parsed = parseObject(existing);
  if (typeof parsed === 'string') return { ok: false, reason: parsed };
  const base = stripOurs(agent, parsed);
  const hooks: Json = typeof base['hooks'] === 'object' && base['hooks'] !== null && !Array.isArray(base['hooks']) ? { ...(base['hooks'] as Json) } : {};
  if (agent === 'claude-code') {
    for (const event of CLAUDE_EVENTS) {
      const entry = { type: 'command', command, timeout: 10 };
      const group = event === 'PreToolUse' || event === 'PostToolUse' ? { matcher: CLAUDE_EDIT_MATCHER, hooks: [entry] } : { hooks: [entry] };
      hooks[event] = [...(Array.isArray(hooks[event]) ? (hooks[event] as unknown[]) : []), group];
    }
  } else {
    for (const event of CURSOR_EVENTS) hooks[event] = [...(Array.isArray(hooks[event]) ? (hooks[event] as unknown[]) : []), { command }];
  }
  const next: Json = agent === 'cursor' ? { version: 1, ...base, hooks } : { ...base, hooks };
  const text = JSON.stringify(next, null, 2) + '\n';
  return { ok: true, text, changed: existing === undefined || JSON.stringify(parseObject(existing)) !== JSON.stringify(next) };
}

/** The settings text without Driftwatch's entries (everything else kept). */
export function disconnectConfig(agent: AgentId, existing: string | undefined): ConfigResult {
  if (existing === undefined) return { ok: true, text: '', changed: false };
  const parsed = parseObject(existing);
  if (typeof parsed === 'string') return { ok: false, reason: parsed };
  const next = stripOurs(agent, parsed);
  const changed = JSON.stringify(next) !== JSON.stringify(parsed);
  return { ok: true, text: JSON.stringify(next, null, 2) + '\n', changed };
}

/** Whether the settings text has Driftwatch's hooks. */
export function isConnected(agent: AgentId, existing: string | undefined): boolean {
  if (existing === undefined) return false;
  const parsed = parseObject(existing);
  if (typeof parsed === 'string') return false;
  return JSON.stringify(stripOurs(agent, parsed)) !== JSON.stringify(parsed);
}

function stripOurs(agent: AgentId, settings: Json): Json {
  const hooks = settings['hooks'];
  if (typeof hooks !== 'object' || hooks === null || Array.isArray(hooks)) return settings;
  const out: Json = {};
  for (const [event, list] of Object.entries(hooks as Json)) {
    const kept = agent === 'claude-code' ? withoutOursClaude(list) : Array.isArray(list) ? list.filter((h) => !isOurs(h)) : undefined;
    if (kept === undefined) out[event] = list;
    else if (kept.length > 0) out[event] = kept;
  }
  const { hooks: _drop, ...rest } = settings;
  return Object.keys(out).length > 0 ? { ...rest, hooks: out } : rest;
}
