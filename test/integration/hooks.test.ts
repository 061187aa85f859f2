/**
 * Agent hooks in the real editor: Connect Claude Code writes the hook configuration; the SHIPPED hook command
 * (dist/hooks/driftwatch-hook.sh, installed to global storage) runs as a real process with payloads shaped like
 * Claude Code's and Cursor's; the extension turns the spool into proposals, accepts and rejects — each edit counted
 * once even though the editor sees the same change as a disk reload.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { DriftEvent } from '../../src/core/schema/events.js';
import type { Driftwatch } from '../../src/host/driftwatch.js';
import { claudePostEdit, claudePostWrite, claudePreEdit, claudePreWrite, claudeStop, cursorAfterFileEdit } from '../support/hookPayloads.js';
import { attachCaptureProbe } from './captureProbe.js';
import { closeAllEditors, driftwatch, waitFor, workspaceRoot } from './util.js';

const FAKE = 'driftwatch-test.fake-assistant';
const seen: DriftEvent[] = [];
let api: Driftwatch;
/** The user's own Claude Code settings, which Connect and Disconnect must keep. */
const USER_SETTINGS = { permissions: { allow: ['Bash(npm test)'] } };
/** The hook command line from the written configuration, split into argv (connected on first use). */
let hookArgv: Promise<string[]> | undefined;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const abs = (rel: string): string => path.join(workspaceRoot().fsPath, rel);
const editsIn = (file: string): Extract<DriftEvent, { kind: 'assistant-edit' }>[] => seen.filter((r): r is Extract<DriftEvent, { kind: 'assistant-edit' }> => r.kind === 'assistant-edit' && r.file === file);
const proposalsIn = (file: string): Extract<DriftEvent, { kind: 'proposal' }>[] => seen.filter((r): r is Extract<DriftEvent, { kind: 'proposal' }> => r.kind === 'proposal' && r.file === file);

/** Splits the single-quoted command line Driftwatch wrote. */
function splitCommand(command: string): string[] {
  return [...command.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!));
}

/**
 * Connects Claude Code to the fixture workspace (seeding the user's settings when there are none; 'unchanged' when it
 * is connected already) and returns the hook command it configured, so every test can run on its own (--grep).
 */
async function connectClaude(): Promise<string[]> {
  const settings = abs('.claude/settings.local.json');
  if (!existsSync(settings)) {
    mkdirSync(path.dirname(settings), { recursive: true });
    writeFileSync(settings, JSON.stringify(USER_SETTINGS));
  }
  const result = await api.hooks!.connections.connect('claude-code', vscode.workspace.workspaceFolders![0]!, async () => true);
  assert.ok(result === 'connected' || result === 'unchanged', `Connect Claude Code: ${result}`);
  return splitCommand(JSON.parse(readFileSync(settings, 'utf8')).hooks.PreToolUse[0].hooks[0].command);
}

function hookCommand(): Promise<string[]> {
  hookArgv ??= connectClaude();
  return hookArgv;
}

/** Runs the configured hook command exactly as the agent would: a new process, JSON on stdin. */
async function runHook(payload: unknown, agent = 'claude-code'): Promise<number | null> {
  const [shell, script, spool] = await hookCommand();
  return new Promise((resolve, reject) => {
    const p = spawn(shell!, [script!, spool!, agent], { stdio: ['pipe', 'ignore', 'ignore'] });
    p.on('error', reject);
    p.on('close', resolve);
    p.stdin.end(JSON.stringify(payload));
  });
}

describe('agent hooks (real editor)', function () {
  this.timeout(90_000);
  let subscription: { dispose(): void } | undefined;

  before(async () => {
    api = await driftwatch();
    subscription = api.store.onDidAppend((records) => seen.push(...records));
    assert.ok(api.hooks, 'the hook channel runs on the Node host');
    // An agent-capable assistant is active, so capture's own heuristic ALSO calls the agent's disk writes assistant
    // edits: the tests prove the hook and the editor's observation are counted once, not twice.
    await vscode.workspace.getConfiguration('driftwatch').update('capture.assistantExtensions', { [FAKE]: 'fake-assistant' }, vscode.ConfigurationTarget.Global);
    await vscode.extensions.getExtension(FAKE)?.activate();
    assert.ok(api.capture, 'capture is running');
  });
  after(async () => {
    subscription?.dispose();
    await vscode.workspace.getConfiguration('driftwatch').update('capture.assistantExtensions', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('Connect Claude Code writes .claude/settings.local.json after the dialog, idempotently, keeping other settings', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!;
    const settings = abs('.claude/settings.local.json');
    mkdirSync(path.dirname(settings), { recursive: true });
    writeFileSync(settings, JSON.stringify(USER_SETTINGS));
    let shown = '';
    assert.equal(await api.hooks!.connections.connect('claude-code', folder, async (_m, detail) => ((shown = detail), false)), 'cancelled');
    assert.deepEqual(JSON.parse(readFileSync(settings, 'utf8')), USER_SETTINGS, 'cancel writes nothing');
    assert.equal(await api.hooks!.connections.connect('claude-code', folder, async () => true), 'connected');
    const written = readFileSync(settings, 'utf8');
    assert.ok(shown.includes(written.trim()), 'the dialog showed exactly what was written');
    const parsed = JSON.parse(written);
    assert.deepEqual(parsed.permissions, USER_SETTINGS.permissions);
    assert.equal(parsed.hooks.PreToolUse[0].matcher, 'Edit|Write|MultiEdit|NotebookEdit');
    const argv = splitCommand(parsed.hooks.PreToolUse[0].hooks[0].command);
    assert.equal(argv[0], '/bin/sh');
    assert.ok(existsSync(argv[1]!), 'the hook command is installed at a stable path');
    assert.equal(argv[3], 'claude-code');
    assert.equal(await api.hooks!.connections.connect('claude-code', folder, async () => assert.fail('no dialog when nothing changes')), 'unchanged');
    assert.deepEqual((await api.hooks!.connections.status())[0]!.agents, ['claude-code']);
  });

  it('an accepted Claude Code Edit of an open file: ONE assistant edit from the hook, one accepted proposal', async () => {
    assert.ok(api.capture, 'capture is running');
    const probe = attachCaptureProbe(api.capture);
    const rel = 'hooks/open.ts';
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(abs(rel)));
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const oldString = '  let sum = 0;\n  for (const x of items) sum += x;\n  return sum;';
    const newString = '  return items.reduce((sum, x) => sum + x, 0);';
    const call = { session: 'sess-open', toolUseId: 'toolu_open_1', file: abs(rel), cwd: workspaceRoot().fsPath };
    assert.equal(await runHook(claudePreEdit(call, oldString, newString)), 0);
    writeFileSync(abs(rel), before.replace(oldString, newString)); // what Claude Code's Edit tool does
    assert.equal(await runHook(claudePostEdit(call, oldString, newString, { line: 2 })), 0);
    const proposal = await waitFor(() => proposalsIn(rel).find((p) => p.proposalId === 'toolu_open_1'), { timeout: 20_000, message: 'the accepted proposal' });
    await waitFor(() => doc.getText().includes('reduce'), { message: 'the editor to reload the file' });
    await sleep(5_000); // longer than capture's reload window and the hook's grace: a second record would be here now
    const edits = editsIn(rel);
    assert.equal(edits.length, 1, `one edit, got ${JSON.stringify(edits.map((e) => [e.channel, e.assistant]))}`);
    const e = edits[0]!;
    assert.equal(e.channel, 'hook');
    assert.equal(e.assistant, 'claude-code');
    assert.equal(e.provenance, 'ai-agent');
    assert.equal(e.proposalId, 'toolu_open_1');
    assert.ok(e.text?.includes('reduce'));
    assert.equal(proposal.decision, 'accepted');
    assert.equal(proposal.decisionSource, 'hook-post');
    assert.equal(proposal.matchedEditId, e.id);
    assert.equal(proposal.toolName, 'Edit');
    // The editor saw the reload and recorded it (a tracked region) with the hook's attribution.
    const seen = probe.verdicts.filter((v) => v.file === rel);
    probe.dispose();
    assert.ok(seen.some((v) => v.rule === 'claimed-by-hook' && v.editIds.includes(e.id)), `verdicts: ${JSON.stringify(seen)}`);
  });

  it('a Write to a file the editor never opened is one edit with the hook\'s attribution (diffed against the text read ahead, or recorded by the hook)', async () => {
    const rel = 'hooks/closed.ts';
    const content = 'export const limit = 20;\nexport function clamp(n: number): number {\n  return Math.min(n, limit);\n}\n';
    const call = { session: 'sess-closed', toolUseId: 'toolu_closed_1', file: abs(rel) };
    await runHook(claudePreWrite(call, content));
    writeFileSync(abs(rel), content);
    await runHook(claudePostWrite(call, content));
    const e = await waitFor(() => editsIn(rel)[0], { timeout: 20_000, message: 'the hook-recorded edit' });
    await sleep(3_000);
    assert.equal(editsIn(rel).length, 1);
    assert.equal(e.channel, 'hook');
    assert.equal(e.language, 'typescript');
    assert.ok(e.text?.includes('clamp'));
    assert.equal(proposalsIn(rel)[0]?.matchedEditId, e.id);
  });

  it('proposals the user declined are rejected at Stop, naming file and tool_use_id; from 8 concurrent hook processes', async () => {
    const rel = 'hooks/rejected.ts';
    const calls = Array.from({ length: 8 }, (_, i) => ({ session: 'sess-rej', toolUseId: `toolu_rej_${i}`, file: abs(rel) }));
    const codes = await Promise.all(calls.map((c, i) => runHook(claudePreEdit(c, 'answer = 41', `answer = ${42 + i}`))));
    assert.deepEqual(codes, new Array(8).fill(0));
    await sleep(300);
    await runHook(claudeStop('sess-rej'));
    const rejected = await waitFor(() => (proposalsIn(rel).length === 8 ? proposalsIn(rel) : undefined), { timeout: 15_000, message: '8 rejected proposals' });
    assert.deepEqual(rejected.map((p) => p.proposalId).sort(), calls.map((c) => c.toolUseId).sort());
    for (const p of rejected) {
      assert.equal(p.decision, 'rejected');
      assert.equal(p.decisionSource, 'no-matching-edit');
      assert.equal(p.assistant, 'claude-code');
    }
    assert.equal(editsIn(rel).length, 0);
  });

  it('Cursor afterFileEdit of an open file: one edit attributed to cursor with its model', async () => {
    const rel = 'hooks/cursor.ts';
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(abs(rel)));
    await vscode.window.showTextDocument(doc);
    writeFileSync(abs(rel), 'export const mode = "fast";\nexport const retries = 3;\n');
    await runHook(cursorAfterFileEdit(abs(rel), [{ old_string: 'export const mode = "slow";', new_string: 'export const mode = "fast";\nexport const retries = 3;' }], { model: 'gpt-5', generation: 'gen-it' }), 'cursor');
    const e = await waitFor(() => editsIn(rel)[0], { timeout: 20_000, message: 'the Cursor edit' });
    await sleep(5_000);
    assert.equal(editsIn(rel).length, 1);
    assert.equal(e.assistant, 'cursor');
    assert.equal(e.model, 'gpt-5');
    assert.equal(e.channel, 'hook');
  });

  it('a malformed spool record is logged, moved aside and skipped; the next record still works', async () => {
    const before = api.hooks!.service.counts.rejected;
    await runHook('{"hook_event_name": "PreToolUse", "session_id": 5');
    await runHook({ hook_event_name: 'PreToolUse', session_id: 's', tool_name: 'Edit', tool_input: { file_path: 42 } });
    await waitFor(() => api.hooks!.service.counts.rejected >= before + 2, { timeout: 10_000, message: 'two rejected records' });
    const spool = (await hookCommand())[2]!;
    await waitFor(() => readdirSync(path.join(spool, 'rejected')).length >= 2, { message: 'the bad files moved aside' });
  });

  it('hook configuration files are never recorded as assistant edits; Disconnect restores the user\'s file', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!;
    await hookCommand();
    assert.equal(await api.hooks!.connections.disconnect('claude-code', folder), 'disconnected');
    hookArgv = undefined;
    assert.deepEqual(JSON.parse(readFileSync(abs('.claude/settings.local.json'), 'utf8')), USER_SETTINGS);
    assert.equal(await api.hooks!.connections.connect('cursor', folder, async () => true), 'connected');
    assert.equal(await api.hooks!.connections.disconnect('cursor', folder), 'disconnected');
    assert.ok(!existsSync(abs('.cursor/hooks.json')), 'a file Driftwatch created is removed again');
    await sleep(2_500);
    assert.deepEqual(seen.filter((r) => r.kind === 'assistant-edit' && (r.file.startsWith('.claude/') || r.file.startsWith('.cursor/'))), []);
  });
});
