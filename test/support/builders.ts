/** Builders for valid records, so tests state only what matters to them. */
import type { AssistantEditEvent, DriftEventInput, EditRef } from '../../src/core/schema/events.js';

let counter = 0;

export function editInput(overrides: Partial<AssistantEditEvent> = {}): DriftEventInput {
  counter++;
  return {
    kind: 'assistant-edit',
    id: overrides.id ?? `edit${counter}`,
    ts: overrides.ts ?? Date.UTC(2026, 10, 20, 10, 0, 0),
    tz: overrides.tz ?? 0,
    provenance: 'ai-inline',
    channel: 'inline-heuristic',
    assistant: 'copilot',
    assistantVersion: '1.2.3',
    language: 'python',
    file: 'src/app.py',
    range: { start: { line: 1, character: 0 }, end: { line: 3, character: 4 } },
    linesAdded: 3,
    linesRemoved: 0,
    charsInserted: 42,
    charsReplaced: 0,
    text: 'for i in range(len(xs)):\n    print(xs[i])\n',
    ...overrides,
  } as DriftEventInput;
}

export function refOf(edit: { id?: string; ts?: number; tz?: number; assistant?: string; model?: string; language?: string }): EditRef {
  return {
    editId: edit.id ?? 'x',
    editTs: edit.ts ?? 0,
    editTz: edit.tz ?? 0,
    assistant: edit.assistant ?? 'copilot',
    ...(edit.model !== undefined ? { model: edit.model } : {}),
    language: edit.language ?? 'python',
  };
}
