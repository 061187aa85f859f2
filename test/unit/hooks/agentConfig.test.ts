import { strict as assert } from 'node:assert';
import { CLAUDE_EDIT_MATCHER, connectConfig, disconnectConfig, hookCommand, isAgentConfigPath, isConnected, shellQuote } from '../../../src/core/hooks/agentConfig.js';

const CMD = hookCommand('/bin/sh', "/home/u/.config/Code/User/globalStorage/driftwatch/hooks/driftwatch-hook.sh", "/tmp/it's spool", 'claude-code');

function ok(r: ReturnType<typeof connectConfig>): string {
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r.text;
}

describe('hooks/agentConfig', () => {
  it('writes Claude Code hooks for the editing tools, Stop and SessionEnd', () => {
    const s = JSON.parse(ok(connectConfig('claude-code', undefined, CMD)));
    for (const event of ['PreToolUse', 'PostToolUse']) {
      assert.equal(s.hooks[event][0].matcher, CLAUDE_EDIT_MATCHER);
      assert.equal(s.hooks[event][0].hooks[0].command, CMD);
      assert.equal(s.hooks[event][0].hooks[0].type, 'command');
    }
    assert.equal(s.hooks.Stop[0].hooks[0].command, CMD);
    assert.equal(s.hooks.SessionEnd[0].hooks[0].command, CMD);
    assert.ok(CLAUDE_EDIT_MATCHER.split('|').includes('NotebookEdit'));
  });

  it('keeps the user\'s other settings and hooks, is idempotent, and disconnect restores the original', () => {
    const original = JSON.stringify({ permissions: { allow: ['Bash(npm test)'] }, hooks: { PostToolUse: [{ matcher: 'Write', hooks: [{ type: 'command', command: 'prettier --write' }] }] } }, null, 2) + '\n';
    const once = ok(connectConfig('claude-code', original, CMD));
    const twice = connectConfig('claude-code', once, CMD);
    assert.ok(twice.ok && !twice.changed && twice.text === once, 'connecting twice changes nothing');
    const parsed = JSON.parse(once);
    assert.deepEqual(parsed.permissions, { allow: ['Bash(npm test)'] });
    assert.equal(parsed.hooks.PostToolUse.length, 2);
    assert.ok(isConnected('claude-code', once));
    const back = disconnectConfig('claude-code', once);
    assert.ok(back.ok && back.changed);
    assert.deepEqual(JSON.parse(back.text), JSON.parse(original));
    assert.ok(!isConnected('claude-code', back.text));
  });

  it('a newer hook path replaces the older Driftwatch entry instead of adding a second', () => {
    const first = ok(connectConfig('cursor', undefined, hookCommand('/bin/sh', '/old/driftwatch-hook.sh', '/s', 'cursor')));
    const second = JSON.parse(ok(connectConfig('cursor', first, hookCommand('/bin/sh', '/new/driftwatch-hook.sh', '/s', 'cursor'))));
    assert.equal(second.version, 1);
    assert.equal(second.hooks.afterFileEdit.length, 1);
    assert.match(second.hooks.afterFileEdit[0].command, /\/new\//);
    assert.equal(second.hooks.afterTabFileEdit.length, 1);
    assert.deepEqual(JSON.parse(ok(disconnectConfig('cursor', JSON.stringify(second)))), { version: 1 });
  });

  it('refuses to touch a file that is not a JSON object', () => {
    for (const bad of ['{ "hooks": ', '[1]', 'null']) {
      const r = connectConfig('claude-code', bad, CMD);
      assert.ok(!r.ok);
      assert.ok(!disconnectConfig('cursor', bad).ok);
    }
  });

  it('quotes paths for the shell and recognises agent configuration paths', () => {
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
    assert.match(CMD, /^'\/bin\/sh' '.*driftwatch-hook\.sh' '\/tmp\/it'\\''s spool' claude-code$/);
    assert.ok(isAgentConfigPath('.claude/settings.local.json'));
    assert.ok(isAgentConfigPath('.cursor/hooks.json'));
    assert.ok(!isAgentConfigPath('src/.claude.ts'));
  });
});
