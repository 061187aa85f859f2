/**
 * Hook payloads in the shapes Claude Code and Cursor send on stdin (fields as their hook documentation lists them),
 * for tests that feed the spool the way the real agents do.
 */

export interface ClaudeCall {
  session: string;
  toolUseId: string;
  file: string;
  cwd?: string;
}

const claudeCommon = (c: { session: string; cwd?: string }): Record<string, unknown> => ({
  session_id: c.session,
  transcript_path: `/home/dev/.claude/projects/demo/${c.session}.jsonl`,
  cwd: c.cwd ?? '/home/dev/project',
  permission_mode: 'default',
});

export function claudePreEdit(c: ClaudeCall, oldString: string, newString: string): Record<string, unknown> {
  return { ...claudeCommon(c), hook_event_name: 'PreToolUse', tool_name: 'Edit', tool_use_id: c.toolUseId, tool_input: { file_path: c.file, old_string: oldString, new_string: newString } };
}

/** PostToolUse for Edit: `tool_response` as Claude Code reports it, with a structured patch of the change. */
export function claudePostEdit(c: ClaudeCall, oldString: string, newString: string, opts: { line?: number; userModified?: boolean; applied?: string } = {}): Record<string, unknown> {
  const applied = opts.applied ?? newString;
  const line = opts.line ?? 1;
  return {
    ...claudeCommon(c),
    hook_event_name: 'PostToolUse',
    tool_name: 'Edit',
    tool_use_id: c.toolUseId,
    tool_input: { file_path: c.file, old_string: oldString, new_string: newString },
    tool_response: {
      filePath: c.file,
      oldString,
      newString: applied,
      originalFile: '',
      structuredPatch: [
        {
          oldStart: line,
          oldLines: oldString.split('\n').length,
          newStart: line,
          newLines: applied.split('\n').length,
          lines: [...oldString.split('\n').map((l) => `-${l}`), ...applied.split('\n').map((l) => `+${l}`)],
        },
      ],
      userModified: opts.userModified ?? false,
      replaceAll: false,
    },
  };
}

export function claudePreWrite(c: ClaudeCall, content: string): Record<string, unknown> {
  return { ...claudeCommon(c), hook_event_name: 'PreToolUse', tool_name: 'Write', tool_use_id: c.toolUseId, tool_input: { file_path: c.file, content } };
}

export function claudePostWrite(c: ClaudeCall, content: string): Record<string, unknown> {
  return {
    ...claudeCommon(c),
    hook_event_name: 'PostToolUse',
    tool_name: 'Write',
    tool_use_id: c.toolUseId,
    tool_input: { file_path: c.file, content },
    tool_response: { type: 'create', filePath: c.file, content, structuredPatch: [] },
  };
}

export function claudeMultiEdit(phase: 'PreToolUse' | 'PostToolUse', c: ClaudeCall, edits: { old_string: string; new_string: string }[]): Record<string, unknown> {
  return {
    ...claudeCommon(c),
    hook_event_name: phase,
    tool_name: 'MultiEdit',
    tool_use_id: c.toolUseId,
    tool_input: { file_path: c.file, edits },
    ...(phase === 'PostToolUse' ? { tool_response: { filePath: c.file, edits, structuredPatch: [], userModified: false } } : {}),
  };
}

export function claudeNotebookEdit(phase: 'PreToolUse' | 'PostToolUse', c: ClaudeCall, source: string): Record<string, unknown> {
  return { ...claudeCommon(c), hook_event_name: phase, tool_name: 'NotebookEdit', tool_use_id: c.toolUseId, tool_input: { notebook_path: c.file, cell_id: 'cell-1', new_source: source, edit_mode: 'replace' } };
}

export function claudeStop(session: string): Record<string, unknown> {
  return { ...claudeCommon({ session }), hook_event_name: 'Stop', stop_hook_active: false };
}

export function claudeSessionEnd(session: string): Record<string, unknown> {
  return { ...claudeCommon({ session }), hook_event_name: 'SessionEnd', reason: 'exit' };
}

export function claudeBash(session: string): Record<string, unknown> {
  return { ...claudeCommon({ session }), hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_use_id: 'toolu_bash', tool_input: { command: 'npm test', description: 'Run tests' } };
}

export function cursorAfterFileEdit(file: string, edits: { old_string: string; new_string: string }[], opts: { generation?: string; model?: string; tab?: boolean } = {}): Record<string, unknown> {
  return {
    hook_event_name: opts.tab ? 'afterTabFileEdit' : 'afterFileEdit',
    conversation_id: 'conv-1',
    generation_id: opts.generation ?? 'gen-1',
    model: opts.model ?? 'claude-4-sonnet',
    cursor_version: '1.7.0',
    workspace_roots: ['/home/dev/project'],
    user_email: null,
    file_path: file,
    edits,
  };
}
