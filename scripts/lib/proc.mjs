// Small process helpers shared by the test and start scripts.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Runs a command to completion, inheriting stdout/stderr unless `capture` is set: `true` collects stdout and lets
 * stderr pass through (so progress stays visible); `'all'` collects both into `stdout`. Resolves with the exit code;
 * never rejects on failure.
 */
export function run(cmd, args, { cwd = repoRoot, env = process.env, capture = false, input } = {}) {
  return new Promise((resolve) => {
    const stdio = [input === undefined ? 'ignore' : 'pipe', capture ? 'pipe' : 'inherit', capture === 'all' ? 'pipe' : 'inherit'];
    const child = spawn(cmd, args, { cwd, env, stdio });
    let stdout = '';
    if (capture) child.stdout.on('data', (d) => (stdout += d));
    if (capture === 'all') child.stderr.on('data', (d) => (stdout += d));
    if (input !== undefined) child.stdin.end(input);
    child.on('error', (err) => resolve({ code: 127, stdout, error: err }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout }));
  });
}

/** True while any process of the group led by `pid` is alive. */
export function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `check` every `intervalMs` until it returns true or `timeoutMs` passes. Resolves with the last result. */
export async function pollUntil(check, timeoutMs, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Stops a detached process tree: SIGTERM to the leader first so it can shut down cleanly (code-server lets extensions
 * run `deactivate`, which flushes the store), then the rest of the group, then SIGKILL whatever still lingers
 * (a file-watcher child can outlive its parent).
 */
export async function stopProcessGroup(pid, { graceMs = 15_000, groupGraceMs = 5_000 } = {}) {
  if (!pid) return;
  if (pidAlive(pid)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await pollUntil(() => !pidAlive(pid), graceMs);
  }
  // Children that are still shutting down get a moment of their own before the group is terminated.
  if (await pollUntil(() => !groupAlive(pid), groupGraceMs)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  if (await pollUntil(() => !groupAlive(pid), 3_000)) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // gone
  }
  await pollUntil(() => !groupAlive(pid), 3_000);
}

/** Formats milliseconds as `12.3 s` or `2 min 05 s`. */
export function formatMs(ms) {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
