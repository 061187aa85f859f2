import { strict as assert } from 'node:assert';
import type { ActiveAssistant } from '../../../src/core/capture/assistantCatalog.js';
import { AGENT_CLIS, attribute, lookupAssistant, programOf } from '../../../src/core/capture/assistantCatalog.js';
import { classify, equalIgnoringWhitespace, isQuickHuman, squash, type ChangeObservation } from '../../../src/core/capture/provenance.js';
import type { TextChange } from '../../../src/core/capture/textChange.js';

const copilot: ActiveAssistant = { extensionId: 'GitHub.copilot', assistant: 'copilot', version: '1.300.0', capabilities: ['inline'], active: true };
const copilotChat: ActiveAssistant = { extensionId: 'GitHub.copilot-chat', assistant: 'copilot', version: '0.30.0', capabilities: ['inline', 'chat', 'agent'], active: true };
const claude: ActiveAssistant = { extensionId: 'anthropic.claude-code', assistant: 'claude-code', version: '2.0.1', capabilities: ['chat', 'agent'], active: true };

const NOW = 100_000;
const completion = 'const total = items.reduce((sum, x) => sum + x, 0);\nreturn total;';

/** An observation of one insert at the cursor in the active editor, with the cursor at the end afterwards. */
function insertAtCursor(text: string, extra: Partial<ChangeObservation> = {}, offset = 10): ChangeObservation {
  return {
    now: NOW,
    changes: [{ offset, removedLength: 0, text }],
    isActiveDocument: true,
    selectionsBefore: [{ anchor: offset, active: offset }],
    selectionsAfter: [{ anchor: offset + text.length, active: offset + text.length }],
    reloadedFromDisk: false,
    evidence: {},
    assistants: [copilot],
    ...extra,
  };
}

describe('capture/provenance', () => {
  describe('typing (the O(1) first pass)', () => {
    const typing: TextChange[][] = [
      [{ offset: 3, removedLength: 0, text: 'a' }],
      [{ offset: 3, removedLength: 1, text: '' }],
      [{ offset: 3, removedLength: 0, text: '()' }],
      [{ offset: 3, removedLength: 0, text: '\n    ' }],
      [{ offset: 3, removedLength: 0, text: '\n    \n}' }],
      // IME: composition "nihao" replaced by the committed characters.
      [{ offset: 3, removedLength: 5, text: '你好' }],
      // Multi-cursor typing: the same key at three cursors.
      [
        { offset: 30, removedLength: 0, text: 'x' },
        { offset: 20, removedLength: 0, text: 'x' },
        { offset: 10, removedLength: 0, text: 'x' },
      ],
    ];
    for (const changes of typing) {
      it(`is typed: ${JSON.stringify(changes.map((c) => c.text))}`, () => {
        assert.equal(isQuickHuman({ changes }), true);
        const v = classify({ ...insertAtCursor(''), changes, assistants: [copilotChat, claude] });
        assert.equal(v.provenance, 'typed');
      });
    }
    it('undo and redo come from the change reason', () => {
      assert.equal(classify(insertAtCursor(completion, { reason: 'undo' })).provenance, 'undo');
      assert.equal(classify(insertAtCursor(completion, { reason: 'redo' })).provenance, 'redo');
    });
  });

  describe('inline completion accepts', () => {
    it('an observed accept command makes one insert at the cursor ai-inline via inline-command', () => {
      const v = classify(insertAtCursor(completion, { evidence: { inlineAcceptAt: NOW - 20 } }));
      assert.equal(v.provenance, 'ai-inline');
      assert.equal(v.channel, 'inline-command');
      assert.equal(v.attribution?.assistant, 'copilot');
      assert.equal(v.attribution?.assistantVersion, '1.300.0');
    });
    it('a partial accept (one word) counts when the partial-accept command was observed', () => {
      const v = classify(insertAtCursor('total', { evidence: { inlineAcceptAt: NOW - 5, inlineAcceptPartial: true } }));
      assert.equal(v.provenance, 'ai-inline');
    });
    it('without the command, a code insert at the cursor with an inline assistant active is ai-inline via the heuristic', () => {
      const v = classify(insertAtCursor(completion));
      assert.equal(v.provenance, 'ai-inline');
      assert.equal(v.channel, 'inline-heuristic');
    });
    it('an accept command observed too long ago does not count', () => {
      const v = classify(insertAtCursor('total', { evidence: { inlineAcceptAt: NOW - 5_000 } }));
      assert.equal(v.provenance, 'typed');
    });
    it('with no inline-capable assistant active, the same insert stays human', () => {
      assert.equal(classify(insertAtCursor(completion, { assistants: [claude] })).provenance, 'typed');
      assert.equal(classify(insertAtCursor(completion, { assistants: [{ ...copilot, active: false }] })).provenance, 'typed');
    });
  });

  describe('human bulk edits that look like an accept', () => {
    it('a paste (clipboard equal up to whitespace, as with auto-indent) is paste', () => {
      const pasted = completion.replace('\n', '\n    ');
      const v = classify(insertAtCursor(pasted, { evidence: { clipboard: completion } }));
      assert.equal(v.provenance, 'paste');
    });
    it('a multi-cursor paste distributes clipboard lines and is paste', () => {
      const v = classify({
        ...insertAtCursor(''),
        changes: [
          { offset: 40, removedLength: 0, text: 'gamma_value' },
          { offset: 20, removedLength: 0, text: 'beta_value' },
          { offset: 0, removedLength: 0, text: 'alpha_value' },
        ],
        evidence: { clipboard: 'gamma_value\nbeta_value\nalpha_value' },
      });
      assert.equal(v.provenance, 'paste');
    });
    it('a snippet that leaves a placeholder selected is snippet', () => {
      const text = 'for (let i = 0; i < n; i++) {\n\t\n}';
      const v = classify(insertAtCursor(text, { selectionsAfter: [{ anchor: 19, active: 20 }] }));
      assert.equal(v.provenance, 'snippet');
    });
    it('a completion item (one identifier) is typed', () => {
      assert.equal(classify(insertAtCursor('console.log')).provenance, 'typed');
      assert.equal(classify(insertAtCursor('toString()')).provenance, 'typed');
    });
    it('a duplicated line (copy line down) is typed', () => {
      const line = 'const total = items.reduce((sum, x) => sum + x, 0);';
      assert.equal(classify(insertAtCursor(`\n${line}`, { textBefore: `foo();\n${line}` })).provenance, 'typed');
    });
    it('text that was just cut elsewhere (move, cut-and-paste) is refactor', () => {
      const v = classify(insertAtCursor(completion, { evidence: { recentDeletions: [{ text: completion, at: NOW - 300 }] } }));
      assert.equal(v.provenance, 'refactor');
    });
    it('format: in-flight formatting, or the same text up to whitespace', () => {
      assert.equal(classify(insertAtCursor(completion, { evidence: { formatting: true } })).provenance, 'format');
      const v = classify({
        ...insertAtCursor(''),
        changes: [{ offset: 0, removedLength: 12, text: 'if (a) {\n  b();\n}' }],
        removedTexts: ['if(a){b();}\n'],
        selectionsBefore: [{ anchor: 50, active: 50 }],
      });
      assert.equal(v.provenance, 'format');
    });
    it('rename: the same identifier replacing the same identifier at several places is refactor', () => {
      const v = classify({
        ...insertAtCursor(''),
        changes: [
          { offset: 90, removedLength: 3, text: 'total' },
          { offset: 40, removedLength: 3, text: 'total' },
        ],
        removedTexts: ['sum', 'sum'],
        isActiveDocument: false,
        assistants: [copilotChat],
      });
      assert.equal(v.provenance, 'refactor');
    });
    it('sorting or moving lines (organise imports) is refactor', () => {
      const v = classify({
        ...insertAtCursor(''),
        changes: [{ offset: 0, removedLength: 40, text: "import a from 'a';\nimport b from 'b';\n" }],
        removedTexts: ["import b from 'b';\nimport a from 'a';\n"],
        assistants: [copilotChat],
      });
      assert.equal(v.provenance, 'refactor');
    });
  });

  describe('chat edits and disk writes', () => {
    const chatChanges: TextChange[] = [
      { offset: 200, removedLength: 0, text: '\nfunction helper(a: number) {\n  return a * 2;\n}\n' },
      { offset: 10, removedLength: 5, text: 'helper(value)' },
    ];
    it('a multi-document edit with new code while a chat assistant is active is ai-chat', () => {
      const v = classify({ ...insertAtCursor(''), changes: chatChanges, evidence: { otherDocumentEditAt: NOW - 50 }, assistants: [copilotChat] });
      assert.equal(v.provenance, 'ai-chat');
      assert.equal(v.channel, 'workspace-edit');
    });
    it('an edit to a document that is not the active one is ai-chat only with a chat assistant active', () => {
      assert.equal(classify({ ...insertAtCursor(''), changes: chatChanges, isActiveDocument: false, assistants: [claude] }).provenance, 'ai-chat');
      assert.equal(classify({ ...insertAtCursor(''), changes: chatChanges, isActiveDocument: false, assistants: [copilot] }).provenance, 'refactor');
    });
    it('a multi-range edit confined to the active document is refactor (a code action), not AI', () => {
      assert.equal(classify({ ...insertAtCursor(''), changes: chatChanges, assistants: [copilotChat] }).provenance, 'refactor');
    });
    it('a chat-editing document for the file makes it ai-chat even in the active document', () => {
      const v = classify({ ...insertAtCursor(''), changes: chatChanges, evidence: { chatEditingAt: NOW - 2_000 }, assistants: [copilotChat] });
      assert.equal(v.provenance, 'ai-chat');
    });
    const reload = (evidence: ChangeObservation['evidence'], assistants = [claude]): ChangeObservation => ({
      ...insertAtCursor(''),
      changes: [{ offset: 0, removedLength: 0, text: 'export const answer = 42;\n' }],
      isActiveDocument: false,
      reloadedFromDisk: true,
      evidence: { diskWriteAt: NOW - 300, ...evidence },
      assistants,
    });
    it('a reload with no write to the file on disk is the user reverting it, not an agent', () => {
      const v = classify({ ...reload({}), evidence: {} });
      assert.equal(v.provenance, 'undo');
      assert.equal(v.rule, 'reverted-no-disk-write');
    });
    it('a reload from disk with .git activity around it is vcs, whatever assistant is active', () => {
      assert.equal(classify(reload({ vcsAt: NOW - 800 })).provenance, 'vcs');
      assert.equal(classify(reload({ vcsAt: NOW + 900 })).provenance, 'vcs');
      assert.equal(classify(reload({ massChangeBurst: true })).provenance, 'vcs');
    });
    it('a reload from disk with an agent active and no VCS activity is ai-agent via disk-write', () => {
      const v = classify(reload({}));
      assert.equal(v.provenance, 'ai-agent');
      assert.equal(v.channel, 'disk-write');
      assert.equal(v.attribution?.assistant, 'claude-code');
    });
    it('a reload from disk with no agent is external', () => {
      assert.equal(classify(reload({}, [copilot])).provenance, 'external');
    });
  });

  describe('attribution', () => {
    it('two extensions of one assistant are one assistant; two assistants are unknown', () => {
      assert.equal(attribute([copilot, copilotChat], 'inline')?.assistant, 'copilot');
      assert.equal(attribute([copilot, copilotChat], 'inline')?.extensionId, 'GitHub.copilot');
      assert.equal(attribute([copilotChat, claude], 'agent')?.assistant, 'unknown');
      assert.equal(attribute([claude], 'inline'), undefined);
    });
    it('user-declared extensions are assistants with every capability', () => {
      assert.deepEqual(lookupAssistant('Acme.Helper', { 'acme.helper': 'Acme AI' }), { assistant: 'acme-ai', capabilities: ['inline', 'chat', 'agent'] });
      assert.equal(lookupAssistant('ms-python.python'), undefined);
      assert.equal(lookupAssistant('GITHUB.COPILOT')?.assistant, 'copilot');
    });
  });
});

describe('capture/provenance: paste signals', () => {
  it('a paste seen by the paste provider is paste even when the clipboard cannot be read', () => {
    const v = classify(insertAtCursor(completion, { evidence: { pasteAt: NOW - 30, pastedText: completion } }));
    assert.equal(v.provenance, 'paste');
    // A paste long ago does not hide a later accept.
    assert.equal(classify(insertAtCursor(completion, { evidence: { pasteAt: NOW - 60_000, pastedText: completion } })).provenance, 'ai-inline');
  });
  it('a very large insert with no accept command and no readable clipboard is treated as a paste, not an inline completion', () => {
    const block = Array.from({ length: 120 }, (_, i) => `const v${i} = ${i};`).join('\n');
    assert.equal(classify(insertAtCursor(block)).provenance, 'paste');
    assert.equal(classify(insertAtCursor(block, { evidence: { inlineAcceptAt: NOW - 10 } })).provenance, 'ai-inline');
  });
});

describe('capture/provenance: accept, undo, accept again', () => {
  it('an observed accept is ai-inline even when the same text was just removed elsewhere', () => {
    const v = classify(insertAtCursor(completion, { evidence: { inlineAcceptAt: NOW - 10, recentDeletions: [{ text: completion, at: NOW - 500 }] } }));
    assert.equal(v.provenance, 'ai-inline');
  });
});

describe('capture/provenance: terminal commands and file renames', () => {
  const write = (evidence: ChangeObservation['evidence'], assistants: ActiveAssistant[] = [claude]): ChangeObservation => ({
    ...insertAtCursor(''),
    changes: [{ offset: 0, removedLength: 0, text: 'export function triple(n: number) {\n  return n * 3;\n}\n' }],
    isActiveDocument: false,
    reloadedFromDisk: true,
    evidence: { diskWriteAt: NOW, ...evidence },
    assistants,
  });
  it('a disk write while an agent CLI runs in the terminal is that agent, even with no extension installed', () => {
    const v = classify(write({ terminal: { agents: ['codex'], otherCommand: false } }, []));
    assert.equal(v.provenance, 'ai-agent');
    assert.equal(v.attribution?.assistant, 'codex');
    assert.equal(v.rule, 'disk-agent-cli-running');
  });
  it('a disk write while the human runs another command is external, even with an agent extension active', () => {
    assert.equal(classify(write({ terminal: { agents: [], otherCommand: true } })).provenance, 'external');
  });
  it('version control still wins over a running agent CLI', () => {
    assert.equal(classify(write({ vcsAt: NOW, terminal: { agents: ['claude-code'], otherCommand: false } })).provenance, 'vcs');
  });
  it('import updates after a file rename are refactor, not a chat edit in background documents', () => {
    const v = classify({
      ...insertAtCursor(''),
      changes: [{ offset: 20, removedLength: 12, text: "'../components/widgets/button'" }],
      isActiveDocument: false,
      evidence: { renamingFiles: true },
      assistants: [copilotChat],
    });
    assert.equal(v.provenance, 'refactor');
  });
  it('finds the program a command line runs', () => {
    assert.equal(programOf('claude'), 'claude');
    assert.equal(programOf('FOO=1 npx claude --resume'), 'claude');
    assert.equal(programOf('/usr/local/bin/codex exec "fix it"'), 'codex');
    assert.equal(programOf('sed -i s/a/b/ x.ts'), 'sed');
    assert.equal(programOf('C:\\tools\\aider.exe --yes'), 'aider');
    assert.equal(AGENT_CLIS['claude'], 'claude-code');
  });
});

describe('capture/provenance: saving', () => {
  it('an observed accept during a save participant is still the accept; other changes then are formatting', () => {
    assert.equal(classify(insertAtCursor(completion, { evidence: { formatting: true, inlineAcceptAt: NOW - 10 } })).provenance, 'ai-inline');
    assert.equal(classify(insertAtCursor(completion, { evidence: { formatting: true } })).provenance, 'format');
  });
});

describe('capture/provenance: inline edits, replace in files, external formatters', () => {
  it('an accepted inline edit away from the cursor counts only with the observed command', () => {
    const away = insertAtCursor(completion, {}, 300);
    const moved = { ...away, selectionsBefore: [{ anchor: 12, active: 12 }], selectionsAfter: [{ anchor: 12, active: 12 }] };
    assert.notEqual(classify(moved).provenance.startsWith('ai-'), true);
    const accepted = classify({ ...moved, evidence: { inlineAcceptAt: NOW - 20 } });
    assert.equal(accepted.provenance, 'ai-inline');
    assert.equal(accepted.channel, 'inline-command');
    const multi = classify({
      ...moved,
      changes: [
        { offset: 300, removedLength: 3, text: 'items.length' },
        { offset: 120, removedLength: 0, text: 'const n = items.length;\n' },
      ],
      evidence: { inlineAcceptAt: NOW - 20 },
    });
    assert.equal(multi.rule, 'inline-edit-accept-command');
  });
  it('the same text written into several documents at once (replace in files) is refactor', () => {
    const v = classify({ ...insertAtCursor(''), changes: [{ offset: 40, removedLength: 10, text: "'https://api.example.com/v2'" }], isActiveDocument: false, evidence: { sameTextElsewhere: true }, assistants: [copilotChat] });
    assert.equal(v.provenance, 'refactor');
  });
  it('a reload that only reformats or reorders is an external formatter, not an agent', () => {
    const base = { ...insertAtCursor(''), isActiveDocument: false, reloadedFromDisk: true, assistants: [claude], evidence: { diskWriteAt: NOW } };
    assert.equal(classify({ ...base, changes: [{ offset: 0, removedLength: 20, text: 'if (a) {\n  b();\n}\n' }], removedTexts: ['if(a){b();}\n'] }).rule, 'disk-reformatted');
    assert.equal(classify({ ...base, changes: [{ offset: 0, removedLength: 30, text: 'import a\nimport b\n' }], removedTexts: ['import b\nimport a\n'] }).rule, 'disk-lines-reordered');
  });
});

describe('capture/provenance: whitespace-insensitive comparison', () => {
  it('equals squash-then-compare on hand-picked cases', () => {
    const cases: [string, string][] = [
      ['a b', 'ab'],
      ['  if(x){\n\ty();}', 'if (x) {\n  y();\n}\n'],
      ['abc', 'abd'],
      ['abc ', 'ab'],
      ['', '   \n'],
      ['x', ''],
    ];
    for (const [a, b] of cases) assert.equal(equalIgnoringWhitespace(a, b), squash(a) === squash(b), JSON.stringify([a, b]));
  });
});

describe('capture/provenance: suggest widget', () => {
  it('an insert made while the suggest widget was open is the chosen item, unless an inline accept was observed', () => {
    const snippetText = 'console.log("loop done", n);';
    assert.equal(classify(insertAtCursor(snippetText, { evidence: { suggestWidgetOpen: true } })).rule, 'suggest-widget-accept');
    assert.equal(classify(insertAtCursor(snippetText)).provenance, 'ai-inline');
    assert.equal(classify(insertAtCursor(snippetText, { evidence: { suggestWidgetOpen: true, inlineAcceptAt: NOW - 5 } })).provenance, 'ai-inline');
  });
});
