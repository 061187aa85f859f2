/**
 * VS Code's own edit sources. The editor tags every text-model edit internally (`TextModelEditSource`: an inline
 * completion accept, a chat apply, a reload from disk, typing, a suggestion, a code action, a rename, an edit applied
 * through the extension API, …) and hands the tag to extensions through the proposed API `textDocumentChangeReason`
 * as `TextDocumentChangeEvent.detailedReason: { source, metadata }`. This module turns that tag into what capture
 * needs to know; the host feature-detects the proposal and passes the raw tag.
 *
 * Sources and metadata keys as VS Code 1.139 defines them (`EditSources` in the editor's textModelEditSource):
 * `inlineCompletionAccept` / `inlineCompletionPartialAccept` (`$extensionId`, `$providerId`, `$nes`),
 * `Chat.applyEdits` / `inlineChat.applyEdits` (`$extensionId`, `$modelId`), `reloadFromDisk`, `cursor` (`kind`:
 * `type`, `paste`, `cut`, `compositionType`, …), `suggest` and `codeAction` (`$extensionId` of the provider),
 * `snippet`, `rename`, `setValue`, `eolChange`, `applyEdits`, and `unknown` with a `name` (the API's
 * `TextEditor.edit` is `MainThreadTextEditor`; editor commands have their own names).
 */

/** The raw tag as the proposed API delivers it (`metadata` is VS Code's whole source object). */
export interface DetailedChangeReason {
  readonly source: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** What a tag means for capture. */
export type EditReasonKind =
  | 'inline-accept'
  | 'inline-partial-accept'
  | 'chat-apply'
  | 'inline-chat-apply'
  | 'reload'
  | 'typed'
  | 'paste'
  | 'suggest'
  | 'code-action'
  | 'rename'
  | 'snippet'
  | 'extension-edit'
  | 'editor-command'
  | 'other';

export interface EditReason {
  readonly kind: EditReasonKind;
  /** VS Code's source id (`Chat.applyEdits`, `cursor:paste`, `unknown:MainThreadTextEditor`), kept with the record. */
  readonly source: string;
  /** The extension VS Code names as the author (provider of the completion, the chat participant, the code action). */
  readonly extensionId?: string;
  /** The language model VS Code names (chat applies). */
  readonly modelId?: string;
}

/**
 * `unknown` edit names that mean "applied through the extension API": `TextEditor.edit` is `MainThreadTextEditor`; a
 * `WorkspaceEdit` carries no name of its own (unnamed in a visible editor, `pushEditOperation` in a background
 * model). Workbench features that apply edits without a tag look the same, so this only ever lets the evidence's
 * "no evidence either way" become an assistant's edit, never overrides a human signal.
 */
const EXTENSION_API_NAMES = new Set(['MainThreadTextEditor', '', 'pushEditOperation']);

function str(v: unknown, max = 200): string | undefined {
  return typeof v === 'string' && v !== '' ? v.slice(0, max) : undefined;
}

/** Interprets a tag; undefined when the value is not a tag at all (older hosts, another shape). */
export function interpretEditReason(raw: unknown): EditReason | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as { source?: unknown; metadata?: unknown };
  const source = str(r.source, 100);
  if (!source) return undefined;
  const meta = typeof r.metadata === 'object' && r.metadata !== null ? (r.metadata as Record<string, unknown>) : {};
  const extensionId = str(meta['$extensionId']);
  const modelId = str(meta['$modelId']);
  const by = { ...(extensionId ? { extensionId } : {}), ...(modelId ? { modelId } : {}) };
  switch (source) {
    case 'inlineCompletionAccept':
      return { kind: 'inline-accept', source, ...by };
    case 'inlineCompletionPartialAccept':
      return { kind: 'inline-partial-accept', source, ...by };
    case 'Chat.applyEdits':
      return { kind: 'chat-apply', source, ...by };
    case 'inlineChat.applyEdits':
      return { kind: 'inline-chat-apply', source, ...by };
    case 'reloadFromDisk':
      return { kind: 'reload', source };
    case 'cursor': {
      const kind = str(meta['kind'], 50) ?? '';
      const tag = `cursor:${kind}`;
      if (kind === 'paste' || kind === 'drop') return { kind: 'paste', source: tag };
      return { kind: 'typed', source: tag };
    }
    case 'suggest':
      return { kind: 'suggest', source, ...by };
    case 'codeAction':
      return { kind: 'code-action', source, ...by };
    case 'rename':
      return { kind: 'rename', source };
    case 'snippet':
      return { kind: 'snippet', source };
    case 'unknown': {
      const name = str(meta['name'], 100) ?? '';
      const tag = `unknown:${name}`;
      if (EXTENSION_API_NAMES.has(name)) return { kind: 'extension-edit', source: tag };
      // Named editor commands (line moves, comments, formatting, …) and workbench features: the human's own action.
      return { kind: 'editor-command', source: tag };
    }
    default:
      return { kind: 'other', source };
  }
}
