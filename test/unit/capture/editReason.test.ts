/**
 * VS Code's edit tags → capture verdicts. The tags are recorded in the shape VS Code 1.139 delivers them through the
 * proposed API (`detailedReason: { source, metadata }`, metadata being the editor's whole TextModelEditSource).
 */
import { strict as assert } from 'node:assert';
import type { ActiveAssistant } from '../../../src/core/capture/assistantCatalog.js';
import { interpretEditReason } from '../../../src/core/capture/editReason.js';
import { classify, type ChangeObservation } from '../../../src/core/capture/provenance.js';
import type { TextChange } from '../../../src/core/capture/textChange.js';

const NOW = 1_000_000;
const copilot: ActiveAssistant = { extensionId: 'GitHub.copilot-chat', assistant: 'copilot', capabilities: ['inline', 'chat', 'agent'], active: true, version: '0.30.1' };
const unlisted: ActiveAssistant = { extensionId: 'acme.helper', assistant: 'acme.helper', capabilities: ['agent', 'chat'], active: true };

/** Recorded tags (VS Code 1.139, code-server 4.139.1). */
const TAGS = {
  inlineAccept: { source: 'inlineCompletionAccept', metadata: { source: 'inlineCompletionAccept', $nes: false, $extensionId: 'GitHub.copilot-chat', $extensionVersion: '0.30.1', $providerId: 'completions', $$languageId: 'typescript' } },
  inlinePartial: { source: 'inlineCompletionPartialAccept', metadata: { source: 'inlineCompletionPartialAccept', type: 'word', $extensionId: 'GitHub.copilot-chat', $providerId: 'completions' } },
  chatApply: { source: 'Chat.applyEdits', metadata: { source: 'Chat.applyEdits', $modelId: 'copilot|gpt-4.1', $extensionId: 'GitHub.copilot-chat', $extensionVersion: '0.30.1', $$sessionId: 's1', $$requestId: 'r1', $$mode: 'agent' } },
  inlineChat: { source: 'inlineChat.applyEdits', metadata: { source: 'inlineChat.applyEdits', $modelId: 'copilot|claude-sonnet-4', $extensionId: 'GitHub.copilot-chat' } },
  reload: { source: 'reloadFromDisk', metadata: { source: 'reloadFromDisk' } },
  typed: { source: 'cursor', metadata: { source: 'cursor', kind: 'type', detailedSource: 'keyboard' } },
  paste: { source: 'cursor', metadata: { source: 'cursor', kind: 'paste' } },
  suggest: { source: 'suggest', metadata: { source: 'suggest', $extensionId: 'vscode.typescript-language-features', $providerId: 'ts' } },
  snippet: { source: 'snippet', metadata: { source: 'snippet' } },
  codeAction: { source: 'codeAction', metadata: { source: 'codeAction', $kind: 'source.organizeImports', $extensionId: 'vscode.typescript-language-features' } },
  assistantCodeAction: { source: 'codeAction', metadata: { source: 'codeAction', $kind: 'quickfix', $extensionId: 'acme.helper' } },
  rename: { source: 'rename', metadata: { source: 'rename', $$$oldName: 'a', $$$newName: 'b' } },
  commentLine: { source: 'unknown', metadata: { source: 'unknown', name: 'executeCommands' } },
  format: { source: 'unknown', metadata: { source: 'unknown', name: 'formatEditsCommand' } },
  editorEdit: { source: 'unknown', metadata: { source: 'unknown', name: 'MainThreadTextEditor' } },
  workspaceEditVisible: { source: 'unknown', metadata: { source: 'unknown' } },
  workspaceEditBackground: { source: 'unknown', metadata: { source: 'unknown', name: 'pushEditOperation' } },
} as const;

const helper = 'export function half(n: number): number {\n  return n / 2;\n}\n';

function obs(tag: unknown, over: Partial<ChangeObservation> = {}, changes: TextChange[] = [{ offset: 10, removedLength: 0, text: helper }]): ChangeObservation {
  const reason = interpretEditReason(tag);
  return {
    now: NOW,
    changes,
    isActiveDocument: true,
    selectionsBefore: [{ anchor: 10, active: 10 }],
    selectionsAfter: [{ anchor: 10 + helper.length, active: 10 + helper.length }],
    reloadedFromDisk: false,
    evidence: reason ? { editReason: reason } : {},
    assistants: [copilot],
    ...over,
  };
}

describe('interpretEditReason', () => {
  it('maps every recorded source', () => {
    const kinds = Object.fromEntries(Object.entries(TAGS).map(([k, t]) => [k, interpretEditReason(t)?.kind]));
    assert.deepEqual(kinds, {
      inlineAccept: 'inline-accept', inlinePartial: 'inline-partial-accept', chatApply: 'chat-apply', inlineChat: 'inline-chat-apply', reload: 'reload',
      typed: 'typed', paste: 'paste', suggest: 'suggest', snippet: 'snippet', codeAction: 'code-action', assistantCodeAction: 'code-action', rename: 'rename',
      commentLine: 'editor-command', format: 'editor-command', editorEdit: 'extension-edit', workspaceEditVisible: 'extension-edit', workspaceEditBackground: 'extension-edit',
    });
    assert.deepEqual(interpretEditReason(TAGS.chatApply), { kind: 'chat-apply', source: 'Chat.applyEdits', extensionId: 'GitHub.copilot-chat', modelId: 'copilot|gpt-4.1' });
    assert.equal(interpretEditReason(TAGS.paste)?.source, 'cursor:paste');
    assert.equal(interpretEditReason(TAGS.editorEdit)?.source, 'unknown:MainThreadTextEditor');
  });

  it('ignores values that are not tags and unknown sources fall back', () => {
    for (const v of [undefined, null, 3, 'Chat.applyEdits', {}, { source: '' }, { source: 7 }]) assert.equal(interpretEditReason(v), undefined);
    assert.equal(interpretEditReason({ source: 'somethingNew' })?.kind, 'other');
  });
});

describe('classify with VS Code edit tags', () => {
  it('inline accepts are the named provider’s, channel edit-source', () => {
    const v = classify(obs(TAGS.inlineAccept));
    assert.equal(v.provenance, 'ai-inline');
    assert.equal(v.channel, 'edit-source');
    assert.equal(v.attribution?.extensionId, 'GitHub.copilot-chat');
    assert.equal(v.editSource, 'inlineCompletionAccept');
    // A one-character partial accept is still the assistant's (the tag is positive evidence).
    const partial = classify(obs(TAGS.inlinePartial, {}, [{ offset: 10, removedLength: 0, text: 'x' }]));
    assert.equal(partial.provenance, 'ai-inline');
    assert.equal(partial.rule, 'edit-source-inline-partial-accept');
  });

  it('chat applies are ai-chat with the model VS Code names, even with the assistant not yet seen active', () => {
    const v = classify(obs(TAGS.chatApply, { assistants: [{ ...copilot, active: false }] }));
    assert.equal(v.provenance, 'ai-chat');
    assert.equal(v.channel, 'edit-source');
    assert.deepEqual(v.attribution, { assistant: 'copilot', extensionId: 'GitHub.copilot-chat', assistantVersion: '0.30.1', model: 'copilot|gpt-4.1' });
    assert.equal(classify(obs(TAGS.inlineChat)).rule, 'edit-source-inline-chat-apply');
    // An extension nobody listed: recorded under its id.
    const other = classify(obs({ source: 'Chat.applyEdits', metadata: { $extensionId: 'Someone.NewAgent' } }, { assistants: [] }));
    assert.deepEqual(other.attribution, { assistant: 'someone.newagent', extensionId: 'Someone.NewAgent' });
  });

  it('human tags decide for the human even where the evidence alone would name an assistant (counted as a disagreement)', () => {
    // Single insert at the cursor with an inline assistant active: the heuristic says ai-inline.
    const heuristic = classify(obs(undefined));
    assert.equal(heuristic.channel, 'inline-heuristic');
    for (const [tag, provenance] of [[TAGS.paste, 'paste'], [TAGS.typed, 'typed'], [TAGS.suggest, 'snippet'], [TAGS.rename, 'refactor'], [TAGS.format, 'format'], [TAGS.codeAction, 'refactor']] as const) {
      const v = classify(obs(tag));
      assert.equal(v.provenance, provenance, JSON.stringify(tag));
      assert.equal(v.channel, undefined);
      assert.equal(v.disagreement, true);
    }
    const agreed = classify(obs(TAGS.commentLine, {}, [{ offset: 0, removedLength: 0, text: '// ' }, { offset: 20, removedLength: 0, text: '// ' }]));
    assert.equal(agreed.channel, undefined);
    assert.equal(agreed.disagreement, undefined);
  });

  it('a code action offered by a chat assistant is its edit', () => {
    const v = classify(obs(TAGS.assistantCodeAction, { assistants: [unlisted] }));
    assert.equal(v.provenance, 'ai-chat');
    assert.equal(v.attribution?.extensionId, 'acme.helper');
  });

  it('an edit through the extension API into the active file: a chat-capable assistant’s where the evidence has nothing human to say', () => {
    const multi: TextChange[] = [{ offset: 200, removedLength: 0, text: helper }, { offset: 10, removedLength: 0, text: helper.replace('half', 'third') }];
    for (const tag of [TAGS.editorEdit, TAGS.workspaceEditVisible]) {
      const v = classify(obs(tag, { assistants: [unlisted], selectionsBefore: [{ anchor: 0, active: 0 }] }, multi));
      assert.equal(v.provenance, 'ai-chat');
      assert.equal(v.channel, 'edit-source');
      assert.equal(v.rule, 'edit-source-extension-edit');
      assert.equal(v.attribution?.extensionId, 'acme.helper');
    }
    // Insert at cursor: the inline heuristic would have said ai-inline; the tag says it was not an inline accept.
    const insert = classify(obs(TAGS.editorEdit, { assistants: [copilot] }));
    assert.equal(insert.provenance, 'ai-chat');
    assert.equal(insert.attribution?.assistant, 'copilot');
  });

  it('precision: an extension API edit with no chat-capable assistant active stays human', () => {
    const inlineOnly: ActiveAssistant = { extensionId: 'x.complete', assistant: 'x', capabilities: ['inline'], active: true };
    for (const assistants of [[], [{ ...unlisted, active: false }], [inlineOnly]]) {
      const v = classify(obs(TAGS.editorEdit, { assistants }));
      assert.equal(v.channel, undefined, JSON.stringify(assistants));
    }
  });

  it('an extension API edit that looks human (a paste, moved lines) stays human', () => {
    const pasted = classify(obs(TAGS.workspaceEditVisible, { assistants: [unlisted], evidence: { editReason: interpretEditReason(TAGS.workspaceEditVisible)!, clipboard: helper } }));
    assert.equal(pasted.provenance, 'paste');
  });

  it('a background WorkspaceEdit the evidence already attributes keeps its channel, confirmed by the tag', () => {
    const v = classify(obs(TAGS.workspaceEditBackground, { isActiveDocument: false, selectionsBefore: [], assistants: [unlisted] }));
    assert.equal(v.channel, 'workspace-edit');
    assert.deepEqual(v.confirmedBy, ['edit-source']);
    assert.equal(v.editSource, 'unknown:pushEditOperation');
  });

  it('reloads and snippets fall back to the evidence, keeping the tag', () => {
    const reload = classify(obs(TAGS.reload, { reloadedFromDisk: true, isActiveDocument: false, selectionsBefore: [], assistants: [unlisted], evidence: { editReason: interpretEditReason(TAGS.reload)!, diskWriteAt: NOW } }));
    assert.equal(reload.provenance, 'ai-agent');
    assert.equal(reload.channel, 'disk-write');
    assert.equal(reload.editSource, 'reloadFromDisk');
    const snippet = classify(obs(TAGS.snippet, { selectionsAfter: [{ anchor: 20, active: 25 }] }));
    assert.equal(snippet.provenance, 'snippet');
  });
});
