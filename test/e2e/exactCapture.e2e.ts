/**
 * Exact capture, end to end in a real browser (issue 9, "Done when"): a Claude Code session connected through the
 * shipped hook command (one accepted Edit, one proposal rejected at the end of its turn), a Copilot Chat keep/undo
 * stream sent by a REAL OpenTelemetry exporter to the loopback receiver (token read from the setup dialog the user
 * sees), and an unlisted assistant's chat "Apply" and agent file write (run from the command palette) — each appears
 * ONCE, in the sidebar (recent edits / rejected proposals, with the channel that proved it) and in the export
 * (`driftwatch export`, JSONL and CSV).
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { claudePostEdit, claudePreEdit, claudePreWrite, claudeStop } from '../support/hookPayloads.js';
import { logClient } from '../support/otelClients.js';
import { runCli } from '../support/runCli.js';
import { useSession } from './session.js';

const CLAUDE_FILE = 'exact/claude.ts';
const REJECTED_FILE = 'exact/claude-rejected.ts';
const CHAT_FILE = 'exact/unlisted-chat.ts';
const AGENT_FILE = 'exact/agent-written.ts';
const CLAUDE_OLD = '  let out = 0;\n  for (const x of xs) out += x;\n  return out;';
const CLAUDE_NEW = '  return xs.reduce((a, b) => a + b, 0);';

/** Splits the single-quoted command line Driftwatch wrote into the hook configuration. */
function splitCommand(command: string): string[] {
  return [...command.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!));
}

/** Runs the configured hook command as Claude Code does: a new process, the payload on stdin. */
function runHook(argv: string[], payload: unknown): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const p = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'ignore', 'ignore'] });
    p.on('error', reject);
    p.on('close', resolve);
    p.stdin.end(JSON.stringify(payload));
  });
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('exact capture (browser)', function () {
  this.timeout(240_000);
  const s = useSession({
    settings: { 'driftwatch.otlp.enabled': true, 'files.autoSave': 'off' },
    files: {
      [CLAUDE_FILE]: `export function total(xs: number[]): number {\n${CLAUDE_OLD}\n}\n`,
      [REJECTED_FILE]: 'export const limit = 10;\n',
      [CHAT_FILE]: 'export const first = 1;\nexport const second = 2;\n',
    },
  });

  it('hooks, OTLP and an unlisted assistant: each edit and rejected proposal once, in the sidebar and the export, with its channel', async () => {
    const page = s.page;
    const dialog = page.locator('.monaco-dialog-box');

    // 1. Connect Claude Code: the dialog shows what will be written; "Connect" writes it.
    await s.runCommand('Driftwatch: Connect Claude Code');
    await dialog.waitFor({ state: 'visible', timeout: 15_000 });
    await dialog.locator('.monaco-button', { hasText: /^Connect$/ }).click();
    const settingsFile = path.join(s.workspace, '.claude', 'settings.local.json');
    const config = await until('the hook configuration', async () => {
      try {
        return JSON.parse(await readFile(settingsFile, 'utf8')) as { hooks: { PreToolUse: { hooks: { command: string }[] }[] } };
      } catch {
        return undefined;
      }
    });
    const argv = splitCommand(config.hooks.PreToolUse[0]!.hooks[0]!.command);

    // 2. A Claude Code session: an accepted Edit of a closed file, and a Write proposal the user rejects (the turn ends).
    const abs = (rel: string): string => path.join(s.workspace, rel);
    const call = { session: 'sess-e2e', toolUseId: 'toolu_e2e_edit', file: abs(CLAUDE_FILE), cwd: s.workspace };
    assert.equal(await runHook(argv, claudePreEdit(call, CLAUDE_OLD, CLAUDE_NEW)), 0);
    const before = await readFile(abs(CLAUDE_FILE), 'utf8');
    await writeFile(abs(CLAUDE_FILE), before.replace(CLAUDE_OLD, CLAUDE_NEW));
    assert.equal(await runHook(argv, claudePostEdit(call, CLAUDE_OLD, CLAUDE_NEW, { line: 2 })), 0);
    assert.equal(await runHook(argv, claudePreWrite({ ...call, toolUseId: 'toolu_e2e_rejected', file: abs(REJECTED_FILE) }, 'export const limit = 99;\n')), 0);
    assert.equal(await runHook(argv, claudeStop('sess-e2e')), 0);

    // 3. Copilot Chat's OTel export: the endpoint and token as the setup dialog shows them to the user.
    await page.keyboard.press('Escape');
    await s.runCommand('Driftwatch: Show OTLP Receiver Setup');
    await dialog.waitFor({ state: 'visible', timeout: 15_000 });
    const detail = (await dialog.textContent()) ?? '';
    const token = /Authorization=Bearer ([0-9a-f]{64})/.exec(detail)?.[1];
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(detail)?.[1];
    assert.ok(token && url, `the setup dialog shows the endpoint and token: ${detail.slice(0, 200)}`);
    await page.keyboard.press('Escape');
    const copilot = logClient({ url, token, wire: 'json', service: 'copilot-chat' });
    copilot.emit('copilot_chat.edit.hunk.action', { outcome: 'undo', language_id: 'typescript', request_id: 'req-e2e', line_count: 4 });
    copilot.emit('copilot_chat.edit.hunk.action', { outcome: 'accepted', language_id: 'typescript', request_id: 'req-e2e', line_count: 2 });
    copilot.emit('copilot_chat.edit.survival', { edit_source: 'apply_patch', survival_rate_four_gram: 0.75, survival_rate_no_revert: 1, time_delay_ms: 30_000, language_id: 'typescript' });
    await copilot.flush();
    await copilot.shutdown();

    // 4. The unlisted assistant, from the command palette: a chat "Apply" into the open file, and its agent writing a new file.
    await page.keyboard.press('Control+P');
    const quick = page.locator('.quick-input-widget .quick-input-box input');
    await quick.waitFor({ state: 'visible', timeout: 15_000 });
    await quick.fill(CHAT_FILE);
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'unlisted-chat.ts' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'export const first' }).first().waitFor({ timeout: 15_000 });
    await s.runCommand('Unlisted Assistant: Apply Chat Edit to the Active Editor');
    await page.locator('.editor-instance .monaco-editor .view-line', { hasText: 'clampAll' }).first().waitFor({ timeout: 15_000 });
    await s.runCommand('Unlisted Assistant: Write Files Like an Agent');

    // 5. The store: each once, with its channel.
    const settle = async (): Promise<Record<string, unknown>[]> => s.storedRecords();
    const edits = (rs: Record<string, unknown>[], file: string): Record<string, unknown>[] => rs.filter((r) => r['kind'] === 'assistant-edit' && r['file'] === file);
    const proposals = (rs: Record<string, unknown>[]): Record<string, unknown>[] => rs.filter((r) => r['kind'] === 'proposal');
    await until(
      'every edit and decision in the store',
      async () => {
        const rs = await settle();
        const ready = [CLAUDE_FILE, CHAT_FILE, AGENT_FILE].every((f) => edits(rs, f).length > 0) && proposals(rs).length >= 4 && rs.some((r) => r['kind'] === 'reported-survival');
        return ready ? rs : undefined;
      },
      60_000,
    );
    await page.waitForTimeout(7_000); // past the hook's grace and capture's reload window: a double count would be here now
    const rs = await settle();
    const claudeEdits = edits(rs, CLAUDE_FILE);
    assert.equal(claudeEdits.length, 1, `Claude Code's edit once: ${JSON.stringify(claudeEdits.map((e) => e['channel']))}`);
    assert.deepEqual([claudeEdits[0]!['channel'], claudeEdits[0]!['assistant'], claudeEdits[0]!['provenance'], claudeEdits[0]!['proposalId']], ['hook', 'claude-code', 'ai-agent', 'toolu_e2e_edit']);
    const chat = edits(rs, CHAT_FILE);
    assert.ok(chat.length >= 1 && chat.every((e) => e['provenance'] === 'ai-chat' && e['assistant'] === 'driftwatch-test.unlisted-assistant'), `the unlisted assistant's chat edit: ${JSON.stringify(chat.map((e) => [e['assistant'], e['channel']]))}`);
    assert.equal(chat.length, 1, 'one chat Apply is one edit');
    const agent = edits(rs, AGENT_FILE);
    assert.equal(agent.length, 1, `the agent's new file once: ${JSON.stringify(agent.map((e) => e['channel']))}`);
    assert.deepEqual([agent[0]!['provenance'], agent[0]!['channel'], agent[0]!['assistant']], ['ai-agent', 'disk-write', 'driftwatch-test.unlisted-assistant']);
    const byId = (id: string): Record<string, unknown>[] => proposals(rs).filter((p) => p['proposalId'] === id);
    assert.deepEqual(byId('toolu_e2e_edit').map((p) => [p['decision'], p['channel'], p['matchedEditId']]), [['accepted', 'hook', claudeEdits[0]!['id']]]);
    assert.deepEqual(byId('toolu_e2e_rejected').map((p) => [p['decision'], p['channel'], p['file']]), [['rejected', 'hook', REJECTED_FILE]]);
    const otlp = proposals(rs).filter((p) => p['channel'] === 'otlp');
    assert.deepEqual(otlp.map((p) => [p['assistant'], p['toolName'], p['decision']]).sort(), [
      ['copilot', 'chat-edit-hunk', 'accepted'],
      ['copilot', 'chat-edit-hunk', 'rejected'],
    ]);
    assert.equal(rs.filter((r) => r['kind'] === 'reported-survival').length, 1, 'Copilot Chat survival is stored once');

    // 6. The sidebar: recent edits with the channel that proved each, and the rejected proposals.
    await s.openDriftwatchView();
    const view = s.webview();
    const row = (file: string) => view.getByTestId('recent-edit').filter({ hasText: file });
    await row(CLAUDE_FILE).first().waitFor({ timeout: 30_000 });
    for (const [file, channel] of [
      [CLAUDE_FILE, 'via hook'],
      [AGENT_FILE, 'via disk-write'],
      [CHAT_FILE, `via ${String(chat[0]!['channel'])}`],
    ] as const) {
      await row(file).first().waitFor({ timeout: 30_000 });
      assert.equal(await row(file).count(), 1, `${file} listed once`);
      assert.match((await row(file).textContent()) ?? '', new RegExp(channel), file);
    }
    const rejected = view.getByTestId('rejected-proposal');
    await rejected.first().waitFor({ timeout: 30_000 });
    const texts = await rejected.allTextContents();
    assert.equal(texts.filter((t) => t.includes(REJECTED_FILE) && t.includes('via hook')).length, 1, `the rejected Write once: ${JSON.stringify(texts)}`);
    assert.equal(texts.filter((t) => t.includes('copilot') && t.includes('via otlp')).length, 1, `the undone hunk once: ${JSON.stringify(texts)}`);
    assert.equal(texts.length, 2);
    await rejected.last().scrollIntoViewIfNeeded();
    await s.screenshot('exact-capture-sidebar');

    // 7. The export a researcher runs: every edit once with its channel, the rejected proposals with theirs.
    await s.stop();
    const jsonl = await runCli(['export', '--store', s.storeDir, '--format', 'jsonl']);
    assert.equal(jsonl.code, 0, jsonl.err);
    const exported = jsonl.out.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const f of [CLAUDE_FILE, CHAT_FILE, AGENT_FILE]) assert.equal(edits(exported, f).length, 1, `${f} exported once`);
    assert.equal(proposals(exported).filter((p) => p['decision'] === 'rejected').length, 2);
    const csv = await runCli(['export', '--store', s.storeDir, '--format', 'csv']);
    assert.equal(csv.code, 0, csv.err);
    const lines = csv.out.trim().split('\n');
    const channel = lines[0]!.split(',').indexOf('channel');
    const byFile = (f: string): string[][] => lines.filter((l) => l.includes(f)).map((l) => l.split(','));
    assert.deepEqual(byFile(CLAUDE_FILE).map((c) => c[channel]), ['hook']);
    assert.deepEqual(byFile(AGENT_FILE).map((c) => c[channel]), ['disk-write']);
    assert.equal(byFile(CHAT_FILE).length, 1);
  });
});
