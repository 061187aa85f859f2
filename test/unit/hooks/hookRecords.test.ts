import { strict as assert } from 'node:assert';
import { parseSpoolRecord, resolvePath, type HookSignal } from '../../../src/core/hooks/hookRecords.js';
import { claudeBash, claudeMultiEdit, claudeNotebookEdit, claudePostEdit, claudePostWrite, claudePreEdit, claudePreWrite, claudeSessionEnd, claudeStop, cursorAfterFileEdit } from '../../support/hookPayloads.js';

const call = { session: 's-1', toolUseId: 'toolu_01', file: '/home/dev/project/src/a.ts' };

function signal(payload: unknown): HookSignal {
  const r = parseSpoolRecord(JSON.stringify(payload), '1-2-x.json');
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.ok(r.signal, 'expected a signal');
  return r.signal;
}

describe('hooks/hookRecords', () => {
  it('PreToolUse Edit is a proposal keyed by tool_use_id with the new text', () => {
    const s = signal(claudePreEdit(call, 'a + b', 'a - b'));
    assert.equal(s.type, 'proposal');
    assert.ok(s.type === 'proposal');
    assert.equal(s.key, 'toolu_01');
    assert.equal(s.assistant, 'claude-code');
    assert.equal(s.file, call.file);
    assert.deepEqual(s.texts, ['a - b']);
    assert.equal(s.provenance, 'ai-agent');
  });

  it('PostToolUse Edit is applied: the patch lines are the text, userModified and first line carried', () => {
    const s = signal(claudePostEdit(call, 'a + b', 'a - b', { line: 7, userModified: true, applied: 'a * b' }));
    assert.ok(s.type === 'applied');
    assert.deepEqual(s.texts, ['a * b']);
    assert.equal(s.userModified, true);
    assert.equal(s.line, 7);
  });

  it('Write, MultiEdit and NotebookEdit give their texts', () => {
    const w = signal(claudePreWrite(call, 'export const x = 1;\n'));
    assert.ok(w.type === 'proposal');
    assert.deepEqual(w.texts, ['export const x = 1;\n']);
    const pw = signal(claudePostWrite(call, 'export const x = 1;\n'));
    assert.ok(pw.type === 'applied');
    assert.deepEqual(pw.texts, ['export const x = 1;\n'], 'an empty patch falls back to the input');
    const m = signal(claudeMultiEdit('PreToolUse', call, [{ old_string: 'a', new_string: 'b' }, { old_string: 'c', new_string: 'd' }]));
    assert.ok(m.type === 'proposal');
    assert.deepEqual(m.texts, ['b', 'd']);
    const n = signal(claudeNotebookEdit('PreToolUse', { ...call, file: '/home/dev/project/nb.ipynb' }, 'print(1)'));
    assert.ok(n.type === 'proposal');
    assert.equal(n.file, '/home/dev/project/nb.ipynb');
  });

  it('Stop and SessionEnd end the turn / session; other tools are ignored, not errors', () => {
    assert.deepEqual(signal(claudeStop('s-1')), { type: 'turn-end', assistant: 'claude-code', session: 's-1' });
    assert.deepEqual(signal(claudeSessionEnd('s-1')), { type: 'session-end', assistant: 'claude-code', session: 's-1' });
    const bash = parseSpoolRecord(JSON.stringify(claudeBash('s-1')), 'x');
    assert.ok(bash.ok && bash.signal === undefined);
  });

  it('Cursor afterFileEdit is an applied agent edit; afterTabFileEdit an inline one; extra fields are not kept', () => {
    const s = signal(cursorAfterFileEdit('/home/dev/project/b.py', [{ old_string: 'x = 1', new_string: 'x = 2' }], { model: 'gpt-5' }));
    assert.ok(s.type === 'applied');
    assert.equal(s.assistant, 'cursor');
    assert.equal(s.model, 'gpt-5');
    assert.equal(s.provenance, 'ai-agent');
    assert.equal(s.session, 'conv-1');
    assert.ok(!JSON.stringify(s).includes('user_email'));
    const tab = signal(cursorAfterFileEdit('/home/dev/project/b.py', [{ old_string: '', new_string: 'y' }], { tab: true }));
    assert.ok(tab.type === 'applied' && tab.provenance === 'ai-inline');
  });

  it('the generic format reports proposal / accept / reject for any tool', () => {
    const p = signal({ driftwatch: 1, event: 'proposal', assistant: 'aider', id: 'c1', file: 'src/x.py', cwd: '/w', text: 'pass', model: 'gpt-4o' });
    assert.ok(p.type === 'proposal');
    assert.equal(p.file, '/w/src/x.py');
    assert.equal(p.key, 'aider:c1');
    assert.equal(signal({ driftwatch: 1, event: 'reject', assistant: 'aider', id: 'c1' }).type, 'rejected');
    assert.equal(signal({ driftwatch: 1, event: 'accept', assistant: 'aider', id: 'c1', file: '/w/x.py', text: 'pass' }).type, 'applied');
  });

  it('rejects malformed records with a reason', () => {
    const bad: [string, RegExp][] = [
      ['not json', /not JSON/],
      ['[1,2]', /not a JSON object/],
      ['{}', /neither/],
      [JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Edit', tool_input: { file_path: '/a' } }), /session_id/],
      [JSON.stringify({ ...claudePreEdit(call, 'a', 'b'), tool_input: { file_path: 5, new_string: 'b' } }), /file_path/],
      [JSON.stringify({ ...claudePreEdit(call, 'a', 'b'), tool_input: { file_path: 'rel.ts', new_string: 'b' }, cwd: undefined }), /relative/],
      [JSON.stringify({ hook_event_name: 'afterFileEdit', file_path: '/a', edits: 'x' }), /edits/],
      [JSON.stringify({ driftwatch: 1, event: 'proposal', assistant: 'Bad Name', id: 'x' }), /assistant/],
      [JSON.stringify({ driftwatch: 1, event: 'accept', assistant: 'aider' }), /id is required/],
    ];
    for (const [raw, reason] of bad) {
      const r = parseSpoolRecord(raw, 'n');
      assert.ok(!r.ok, raw);
      assert.match(r.reason, reason, raw);
    }
  });

  it('resolves paths against cwd, keeps absolute POSIX and Windows paths', () => {
    assert.equal(resolvePath('/a/b', undefined), '/a/b');
    assert.equal(resolvePath('C:\\w\\x.ts', undefined), 'C:\\w\\x.ts');
    assert.equal(resolvePath('./src/x.ts', '/w/'), '/w/src/x.ts');
    assert.equal(resolvePath('x.ts', 'C:\\w'), 'C:\\w\\x.ts');
    assert.equal(resolvePath('x.ts', undefined), undefined);
  });
});
