/**
 * The provenance classifier: given one document change event and the evidence gathered around it, decide where the
 * change came from. Pure and synchronous; the host gathers the evidence (clipboard, selections, file-system signals)
 * and decides when to ask.
 *
 * Design rule: every doubt resolves to a HUMAN provenance. Calling a paste, a format, a checkout, a snippet or
 * multi-cursor typing "AI" is the worst error this product can make, so each `ai-*` verdict needs a positive signal
 * (an observed accept command, an active assistant with the right capability AND a change shape that human editing
 * features do not produce). The later hook/OTLP channels confirm or override a verdict via the verdict ledger.
 */
import type { Channel, Provenance } from '../schema/events.js';
import { attribute, attributeExtension, type ActiveAssistant, type Attribution, type Capability } from './assistantCatalog.js';
import type { EditReason } from './editReason.js';
import type { TextChange } from './textChange.js';

/** A selection as offsets in one document: `anchor`/`active` as in VS Code. */
export interface OffsetSelection {
  readonly anchor: number;
  readonly active: number;
}

/** How long (ms) an observed signal stays relevant to a change. */
export const SIGNAL_WINDOW_MS = {
  /** An observed inline-accept command precedes its change by a few ms; allow for a busy host. */
  inlineAccept: 1_500,
  /** `.git` activity around a disk reload: checkouts touch HEAD/index before or after the working files. */
  vcs: 3_000,
  /** A paste seen by the paste-edit provider precedes its change. */
  paste: 2_000,
  /** A chat-editing document for the same path. */
  chatEditing: 30_000,
  /** Deleted text that reappears elsewhere (move line, move to file, cut then paste). */
  moved: 3_000,
  /** Another document changed in a way only a multi-document edit does. */
  multiDocument: 500,
} as const;

/** Everything the classifier knows about one change event. */
export interface ChangeObservation {
  readonly now: number;
  readonly changes: readonly TextChange[];
  /** The text each change removed, when the host keeps a shadow of the document (same order as `changes`). */
  readonly removedTexts?: readonly string[];
  /** `reason` of VS Code's change event. */
  readonly reason?: 'undo' | 'redo';
  /** The document is the active text editor's. */
  readonly isActiveDocument: boolean;
  /** Selections of the active editor on this document just before the change (empty when not the active one). */
  readonly selectionsBefore: readonly OffsetSelection[];
  /** Selections right after the change (the selection event the edit itself caused), when known. */
  readonly selectionsAfter?: readonly OffsetSelection[];
  /** The document is not dirty after the change: VS Code reloaded it from disk (or it was reverted). */
  readonly reloadedFromDisk: boolean;
  /** Up to a few hundred characters of the document just before / after the first change, before it applied. */
  readonly textBefore?: string;
  readonly textAfter?: string;
  readonly evidence: Evidence;
  readonly assistants: readonly ActiveAssistant[];
}

/** Signals gathered by the host adapters (times are clock ms; absent = never seen). */
export interface Evidence {
  /** Last time an inline-suggestion accept command was observed for this document. */
  readonly inlineAcceptAt?: number;
  /** The observed accept was a partial one (next word / next line). */
  readonly inlineAcceptPartial?: boolean;
  /** Clipboard text, read lazily only for bulk inserts. */
  readonly clipboard?: string;
  /** Last paste observed in this document (a paste-edit provider sees every paste) and the text it carried. */
  readonly pasteAt?: number;
  readonly pastedText?: string;
  /** A save with format-on-save / code actions on save, or a format command, is in flight for this document. */
  readonly formatting?: boolean;
  /** Last `.git` HEAD/index/refs change in this workspace folder. */
  readonly vcsAt?: number;
  /** Many workspace files changed on disk within a short time. */
  readonly massChangeBurst?: boolean;
  /** Last time a chat-editing document for this path changed. */
  readonly chatEditingAt?: number;
  /** Another workspace document received a substantial multi-range edit within the multi-document window. */
  readonly otherDocumentEditAt?: number;
  /** Files are being renamed or moved (imports in other files are being updated). */
  readonly renamingFiles?: boolean;
  /** Commands running in the integrated terminal (shell integration): agent CLIs as assistant slugs, and any other. */
  readonly terminal?: { readonly agents: readonly string[]; readonly otherCommand: boolean };
  /** Last write to this file seen by the file watcher (a reload with none is a revert, not a write). */
  readonly diskWriteAt?: number;
  /** The suggest widget (IntelliSense) was open in this document when the change arrived. */
  readonly suggestWidgetOpen?: boolean;
  /** Another document received exactly the same inserted text just now (replace in files, search-and-replace). */
  readonly sameTextElsewhere?: boolean;
  /** Recently deleted texts (any document), for move detection. */
  readonly recentDeletions?: readonly { text: string; at: number }[];
  /** VS Code's own tag for this change (proposed API `textDocumentChangeReason`), when the host has it. */
  readonly editReason?: EditReason;
}

export interface Verdict {
  readonly provenance: Provenance;
  /** Set for `ai-*` verdicts. */
  readonly channel?: Channel;
  readonly attribution?: Attribution;
  /** Short machine-readable reason, for debug logs and tests. */
  readonly rule: string;
  /** Channels that agreed with the one that decided (VS Code's tag confirming a heuristic verdict). */
  readonly confirmedBy?: readonly Channel[];
  /** VS Code's source tag, when it took part in the verdict. */
  readonly editSource?: string;
  /** VS Code's tag and the evidence heuristics disagreed (the tag wins); counted by the session. */
  readonly disagreement?: boolean;
}

/** Largest insert (lines) the shape heuristic accepts as an inline completion without an observed accept command. */
export const INLINE_HEURISTIC_MAX_LINES = 60;

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const AUTO_CLOSE_PAIRS = new Set(['()', '[]', '{}', '""', "''", '``', '<>', '/**/', '<!---->']);
const IDENTIFIER_LIKE = /^[\p{L}\p{N}_$]+(\.[\p{L}\p{N}_$]+)*(\(\))?[.;,]?$/u;
const WHITESPACE = /^\s*$/;

/** Whitespace-insensitive form used to compare pasted, formatted and moved text. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** `squash(a) === squash(b)` without building either string (pastes can be megabytes). */
export function equalIgnoringWhitespace(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && isSpace(a.charCodeAt(i))) i++;
    while (j < b.length && isSpace(b.charCodeAt(j))) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
  }
}

function nonWhitespaceLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) n++;
  }
  return n;
}

/** A change a keyboard produces directly: one character, a newline with indentation, an auto-closed pair. */
export function isTypingChange(change: TextChange): boolean {
  const t = change.text;
  if (t.length <= 1) return true;
  if (WHITESPACE.test(t)) return true;
  if (AUTO_CLOSE_PAIRS.has(t)) return true;
  // Enter between brackets inserts "\n<indent>\n<indent>"; auto-indent may add a closing bracket after the newline.
  if (/^\r?\n[ \t]*(\r?\n[ \t]*)?[)\]}]?$/.test(t)) return true;
  return false;
}

/**
 * The O(1) first pass run on every change: true when the event is plain typing (single or multi-cursor), deletion
 * or undo/redo and needs no evidence. Everything else is a "bulk" change that gets evidence and a full verdict.
 */
export function isQuickHuman(obs: Pick<ChangeObservation, 'changes' | 'reason'>): boolean {
  if (obs.reason) return true;
  for (const c of obs.changes) if (!isTypingChange(c) && !isSmallReplacement(c)) return false;
  return true;
}

/** IME composition, autocorrect, word replacements: a few characters replaced by a few characters, one line. */
function isSmallReplacement(c: TextChange): boolean {
  return c.removedLength > 0 && c.text.length <= c.removedLength + 2 && c.text.length <= 12 && !c.text.includes('\n');
}

function within(at: number | undefined, now: number, windowMs: number): boolean {
  return at !== undefined && now - at <= windowMs && at - now <= windowMs;
}

function human(provenance: Provenance, rule: string): Verdict {
  return { provenance, rule };
}

function assistantVerdict(provenance: 'ai-inline' | 'ai-chat' | 'ai-agent', channel: Channel, attribution: Attribution, rule: string): Verdict {
  return { provenance, channel, attribution, rule };
}

/** Multiset equality of non-blank trimmed lines: a move, a sort of imports, a swap of lines. */
function sameLines(a: string, b: string): boolean {
  const norm = (s: string): string[] =>
    s
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .sort();
  const la = norm(a);
  const lb = norm(b);
  return la.length > 0 && la.length === lb.length && la.every((l, i) => l === lb[i]);
}

function matchesClipboard(inserted: readonly string[], clipboard: string | undefined): boolean {
  if (clipboard === undefined) return false;
  const clipLength = nonWhitespaceLength(clipboard);
  if (clipLength === 0) return false;
  const all = inserted.join('');
  if (equalIgnoringWhitespace(all, clipboard)) return true;
  // Multi-cursor paste distributes the clipboard's lines over the cursors; every cursor pasting the whole text also counts.
  if (inserted.length > 1 && inserted.every((t) => equalIgnoringWhitespace(t, clipboard))) return true;
  // Paste with auto-import / auto-format may add a little around the pasted text.
  const joinedLength = nonWhitespaceLength(all);
  return joinedLength > 0 && clipLength >= joinedLength * 0.8 && clipLength <= joinedLength && squash(all).includes(squash(clipboard));
}

function capabilityFor(obs: ChangeObservation, capability: Capability): Attribution | undefined {
  return attribute(obs.assistants, capability);
}

/**
 * Classifies one change event. Deterministic; the rule order is the policy (first match wins) and is documented in
 * the README ("How Driftwatch decides an edit came from an assistant").
 */
export function classify(obs: ChangeObservation): Verdict {
  if (obs.reason === 'undo') return human('undo', 'reason-undo');
  if (obs.reason === 'redo') return human('redo', 'reason-redo');
  if (obs.changes.length === 0) return human('typed', 'empty');
  const tag = obs.evidence.editReason;
  return tag ? classifyWithEditReason(obs, tag) : classifyByEvidence(obs);
}

/** Kinds of VS Code tag that name a human action outright: no assistant can be attributed, whatever the evidence. */
const HUMAN_TAGS: ReadonlySet<EditReason['kind']> = new Set(['typed', 'paste', 'suggest', 'rename', 'editor-command']);
/** Human rules that mean only "no evidence either way": an edit VS Code says came through the extension API is an assistant's there. */
const NO_EVIDENCE_RULES = new Set(['human-bulk-default', 'workspace-edit-no-assistant', 'bulk-insert-no-inline-assistant', 'large-insert-without-accept']);

/**
 * VS Code's own tag first (rule order documented in the README): assistant tags decide for the assistant they name,
 * human tags decide for the human (and a heuristic that would have said "assistant" is counted as a disagreement), an
 * edit made through the extension API is an assistant's only where the evidence has nothing human to say and a
 * chat-capable assistant is active; everything else (reloads, snippets, unknown tags) falls back to the evidence.
 */
function classifyWithEditReason(obs: ChangeObservation, tag: EditReason): Verdict {
  const tagged = { editSource: tag.source };
  const named = attributeExtension(obs.assistants, tag.extensionId);
  const withModel = (a: Attribution): Attribution => (tag.modelId ? { ...a, model: tag.modelId } : a);
  switch (tag.kind) {
    case 'inline-accept':
    case 'inline-partial-accept': {
      const who = named ?? capabilityFor(obs, 'inline') ?? { assistant: 'unknown' };
      return { ...assistantVerdict('ai-inline', 'edit-source', who, `edit-source-${tag.kind}`), ...tagged };
    }
    case 'chat-apply':
    case 'inline-chat-apply': {
      const who = named ?? capabilityFor(obs, 'chat') ?? { assistant: 'unknown' };
      return { ...assistantVerdict('ai-chat', 'edit-source', withModel(who), `edit-source-${tag.kind}`), ...tagged };
    }
    case 'code-action': {
      // A code action offered by an assistant extension ("fix with AI") is the assistant's edit; any other is a refactoring.
      const assistant = named && obs.assistants.some((a) => a.extensionId.toLowerCase() === tag.extensionId?.toLowerCase() && a.capabilities.includes('chat'));
      if (assistant) return { ...assistantVerdict('ai-chat', 'edit-source', named, 'edit-source-assistant-code-action'), ...tagged };
      return withDisagreement(obs, { ...human('refactor', 'edit-source-code-action'), ...tagged });
    }
    default:
      break;
  }
  if (HUMAN_TAGS.has(tag.kind)) {
    const provenance: Provenance = tag.kind === 'paste' ? 'paste' : tag.kind === 'suggest' ? 'snippet' : tag.kind === 'rename' ? 'refactor' : /format|FinalNewLine/i.test(tag.source) ? 'format' : humanOnly(obs).provenance;
    return withDisagreement(obs, { ...human(provenance, `edit-source-${tag.kind}`), ...tagged });
  }
  const byEvidence = classifyByEvidence(obs);
  if (tag.kind === 'extension-edit' && !obs.reloadedFromDisk) {
    if (byEvidence.channel) {
      // The evidence already found the assistant (a background or multi-document edit); the tag agrees.
      return byEvidence.channel === 'inline-heuristic'
        ? chatByExtensionEdit(obs, tag, byEvidence)
        : { ...byEvidence, confirmedBy: ['edit-source'], ...tagged };
    }
    if (NO_EVIDENCE_RULES.has(byEvidence.rule)) return chatByExtensionEdit(obs, tag, byEvidence);
  }
  return byEvidence.channel ? { ...byEvidence, ...tagged } : byEvidence;
}

/**
 * An edit VS Code says an extension applied through the API (a chat "Apply", an "Insert at Cursor") with nothing human
 * about it: a chat-capable assistant's, or the human's own when none is active (the precision rule).
 */
function chatByExtensionEdit(obs: ChangeObservation, tag: EditReason, fallback: Verdict): Verdict {
  const newCode = obs.changes.reduce((n, c) => n + nonWhitespaceLength(c.text), 0);
  const chat = capabilityFor(obs, 'chat');
  if (!chat || newCode < 8) return fallback.channel ? human('typed', 'extension-edit-no-chat-assistant') : fallback;
  return { ...assistantVerdict('ai-chat', 'edit-source', chat, 'edit-source-extension-edit'), editSource: tag.source };
}

/** The evidence's verdict with no assistant able to take the edit: what the human did. */
function humanOnly(obs: ChangeObservation): Verdict {
  const { inlineAcceptAt: _accept, inlineAcceptPartial: _partial, terminal, editReason: _tag, ...rest } = obs.evidence;
  const verdict = classifyByEvidence({ ...obs, assistants: [], evidence: { ...rest, ...(terminal ? { terminal: { agents: [], otherCommand: terminal.otherCommand } } : {}) } });
  return verdict.channel ? human('typed', 'assistant-excluded-by-tag') : verdict;
}

/** A human verdict from the tag, marked when the evidence alone would have named an assistant. */
function withDisagreement(obs: ChangeObservation, verdict: Verdict): Verdict {
  return classifyByEvidence(obs).channel ? { ...verdict, disagreement: true } : verdict;
}

/** The verdict from the gathered evidence alone (every host; the only path without VS Code's tags). */
function classifyByEvidence(obs: ChangeObservation): Verdict {
  const { changes, evidence: ev, now } = obs;

  const inserted = changes.map((c) => c.text);
  const insertedChars = inserted.reduce((n, t) => n + t.length, 0);
  const newCode = inserted.reduce((n, t) => n + nonWhitespaceLength(t), 0);
  const removed = obs.removedTexts;

  // 1. Files reloaded from disk: version control, an agent, or something else.
  if (obs.reloadedFromDisk) {
    if (within(ev.vcsAt, now, SIGNAL_WINDOW_MS.vcs)) return human('vcs', 'disk-vcs-activity');
    // "Revert File" reloads the saved text without anything writing the file: the user discarding changes.
    if (!within(ev.diskWriteAt, now, SIGNAL_WINDOW_MS.vcs)) return human('undo', 'reverted-no-disk-write');
    if (ev.massChangeBurst) return human('vcs', 'disk-mass-change');
    if (newCode === 0) return human('external', 'disk-no-new-code');
    // A formatter or sorter run outside the editor (prettier --write, isort): same code, other layout or order.
    if (removed && removed.length === changes.length) {
      const before = removed.join('');
      if (nonWhitespaceLength(before) > 0 && equalIgnoringWhitespace(before, inserted.join(''))) return human('external', 'disk-reformatted');
      if (sameLines(removed.join('\n'), inserted.join('\n'))) return human('external', 'disk-lines-reordered');
    }
    // A command in the terminal wrote it: an agent CLI (even with no extension installed) or the human's own command.
    const cli = ev.terminal?.agents ?? [];
    if (cli.length === 1 && !ev.terminal?.otherCommand) return assistantVerdict('ai-agent', 'disk-write', { assistant: cli[0]! }, 'disk-agent-cli-running');
    if (cli.length > 1) return assistantVerdict('ai-agent', 'disk-write', { assistant: 'unknown' }, 'disk-agent-clis-running');
    if (ev.terminal?.otherCommand) return human('external', 'disk-terminal-command');
    const agent = capabilityFor(obs, 'agent');
    if (agent) return assistantVerdict('ai-agent', 'disk-write', agent, 'disk-agent-active');
    return human('external', 'disk-unknown-writer');
  }

  // 2. Rename / replace-all of short identifiers looks like typing at several places: recognise it first.
  if (changes.length > 1 && changes.every((c) => c.removedLength > 0) && inserted.every((t) => t === inserted[0] && IDENTIFIER_LIKE.test(t))) {
    return human('refactor', 'same-identifier-everywhere');
  }

  // 3. Plain typing, multi-cursor typing, IME, auto-closing pairs, auto-indent.
  const acceptSeen = within(ev.inlineAcceptAt, now, SIGNAL_WINDOW_MS.inlineAccept);
  if (isQuickHuman(obs) && !acceptSeen) return human('typed', 'typing');
  if (newCode === 0) return human(ev.formatting ? 'format' : 'typed', 'whitespace-only');

  // 3. Formatting: a save participant (format on save, code actions on save), or text equal up to whitespace. An
  // observed accept command is the stronger signal for a single insert.
  if (ev.formatting && !(acceptSeen && changes.length === 1)) return human('format', 'format-in-flight');
  if (ev.renamingFiles) return human('refactor', 'files-renamed');
  if (removed && removed.length === changes.length) {
    const before = removed.join('');
    if (nonWhitespaceLength(before) > 0 && equalIgnoringWhitespace(before, inserted.join(''))) return human('format', 'whitespace-equal');
    if (sameLines(removed.join('\n'), inserted.join('\n'))) return human('refactor', 'lines-moved');
  }

  // 4. Paste: observed by the paste provider, or the clipboard (read lazily by the host for bulk inserts) matches.
  if (within(ev.pasteAt, now, SIGNAL_WINDOW_MS.paste) && (ev.pastedText === undefined || matchesClipboard(inserted, ev.pastedText))) return human('paste', 'paste-observed');
  if (matchesClipboard(inserted, ev.clipboard)) return human('paste', 'clipboard-match');

  // 5. Text that was just deleted elsewhere: move line, move to file, cut and paste.
  const recent = ev.recentDeletions?.filter((d) => within(d.at, now, SIGNAL_WINDOW_MS.moved)) ?? [];
  const squashedInsert = recent.length > 0 ? squash(inserted.join('')) : '';
  if (!within(ev.inlineAcceptAt, now, SIGNAL_WINDOW_MS.inlineAccept) && recent.some((d) => within(d.at, now, SIGNAL_WINDOW_MS.moved) && squash(d.text) === squashedInsert && squashedInsert !== '')) {
    return human('refactor', 'moved-text');
  }

  // 6. Rename / replace-all: the same text written at several places (optionally replacing the same old text).
  if (changes.length > 1 && inserted.every((t) => t === inserted[0])) {
    return human(IDENTIFIER_LIKE.test(inserted[0]!) ? 'refactor' : 'typed', 'same-text-everywhere');
  }
  if (removed && changes.length >= 1 && inserted.every((t) => IDENTIFIER_LIKE.test(t)) && removed.every((t) => t !== '' && IDENTIFIER_LIKE.test(t))) {
    return human('refactor', 'identifier-replaced');
  }

  if (ev.sameTextElsewhere && !acceptSeen) return human('refactor', 'same-text-in-other-documents');

  // 7. An observed accept command in the active document: an inline edit ("next edit suggestion") may change text
  // away from the cursor, or in several places.
  if (acceptSeen && obs.isActiveDocument && changes.length > 1) {
    const inline = capabilityFor(obs, 'inline');
    return assistantVerdict('ai-inline', 'inline-command', inline ?? { assistant: 'unknown' }, 'inline-edit-accept-command');
  }

  // 7b. A chat-editing session is open for this file.
  if (within(ev.chatEditingAt, now, SIGNAL_WINDOW_MS.chatEditing)) {
    const chat = capabilityFor(obs, 'chat');
    if (chat) return assistantVerdict('ai-chat', 'workspace-edit', chat, 'chat-editing-document');
  }

  // 8. One insert at the cursor: an inline completion accept, a snippet, a completion item, a duplicated line.
  if (changes.length === 1) {
    const c = changes[0]!;
    const verdict = classifySingleInsert(obs, c);
    if (verdict) return verdict;
  }

  // 9. Multi-range or background edits with new code: chat edits when they span documents or leave the active one.
  const multiDocument = within(ev.otherDocumentEditAt, now, SIGNAL_WINDOW_MS.multiDocument);
  if ((multiDocument || !obs.isActiveDocument) && newCode >= 8) {
    const chat = capabilityFor(obs, 'chat');
    if (chat) return assistantVerdict('ai-chat', 'workspace-edit', chat, multiDocument ? 'multi-document-edit' : 'background-document-edit');
    return human('refactor', 'workspace-edit-no-assistant');
  }
  return human(insertedChars > 0 && obs.isActiveDocument && changes.length > 1 ? 'refactor' : 'typed', 'human-bulk-default');
}

function cursorOf(selections: readonly OffsetSelection[]): number | undefined {
  if (selections.length !== 1) return undefined;
  const s = selections[0]!;
  return s.anchor === s.active ? s.active : undefined;
}

function classifySingleInsert(obs: ChangeObservation, c: TextChange): Verdict | undefined {
  const { evidence: ev, now } = obs;
  const commandSeen = within(ev.inlineAcceptAt, now, SIGNAL_WINDOW_MS.inlineAccept);
  const before = cursorOf(obs.selectionsBefore);
  const atCursor = before !== undefined && before >= c.offset && before <= c.offset + c.removedLength;
  // Away from the cursor only an accepted inline edit (observed command) can be an assistant's single insert.
  if (!obs.isActiveDocument || (!atCursor && !commandSeen)) return undefined;

  // Duplicate line / copy line: the inserted text repeats the neighbouring text.
  const body = c.text.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
  if (!commandSeen && body.trim() !== '' && ((obs.textBefore ?? '').endsWith(body) || (obs.textAfter ?? '').startsWith(body))) {
    return human('typed', 'duplicated-neighbour');
  }

  // Snippets (and completion items with placeholders) leave a selection or several cursors behind, or a cursor that
  // is not at the end of the inserted text. An inline accept leaves one cursor at the end of what it inserted.
  const after = obs.selectionsAfter;
  const end = c.offset + c.text.length;
  const cursorAfter = after ? cursorOf(after) : undefined;
  const endsAtCursor = after === undefined || !atCursor ? true : cursorAfter === end;
  if (!endsAtCursor && !commandSeen) return human('snippet', 'placeholder-selection');

  const inline = capabilityFor(obs, 'inline');
  if (commandSeen && inline) return assistantVerdict('ai-inline', 'inline-command', inline, ev.inlineAcceptPartial ? 'inline-partial-accept-command' : 'inline-accept-command');
  if (commandSeen) return assistantVerdict('ai-inline', 'inline-command', { assistant: 'unknown' }, 'inline-accept-command-unknown-provider');

  // An item chosen in the suggest widget (a completion, a snippet without placeholders) is the human's choice.
  if (ev.suggestWidgetOpen) return human('snippet', 'suggest-widget-accept');
  // A completion item typically inserts one identifier (maybe with "()"); inline completions write code.
  if (IDENTIFIER_LIKE.test(c.text.trim())) return human('typed', 'completion-item');
  if (nonWhitespaceLength(c.text) < 3) return human('typed', 'short-insert');
  if (!inline) return human('typed', 'bulk-insert-no-inline-assistant');
  // Inline completions are a statement to a few functions long; a bigger block with no accept command is far more
  // likely a paste whose clipboard could not be read.
  if (countNewlines(c.text) > INLINE_HEURISTIC_MAX_LINES) return human('paste', 'large-insert-without-accept');
  return assistantVerdict('ai-inline', 'inline-heuristic', inline, 'inline-heuristic');
}
