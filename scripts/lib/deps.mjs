// Locates (installing on first use) what runs the real editor: Node 24, code-server and Chromium. They live outside the
// repository in a versioned cache folder managed by scripts/ensure-deps.sh; this module only asks that script.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, run } from './proc.mjs';

export const CHROMIUM = process.env.DRIFTWATCH_CHROMIUM ?? '/usr/bin/chromium';

let cached;

/**
 * Runs scripts/ensure-deps.sh (instant when everything is present) and returns `{ node24, codeServer, chromium }`.
 * Throws with the script's exit code when something could not be installed.
 */
export async function ensureDeps() {
  if (cached) return cached;
  const script = path.join(repoRoot, 'scripts', 'ensure-deps.sh');
  const result = await run('bash', [script], { capture: true });
  if (result.code !== 0) throw new Error(`scripts/ensure-deps.sh failed with exit code ${result.code}`);
  const last = result.stdout.trim().split('\n').pop() ?? '';
  const vars = Object.fromEntries(
    last
      .split(/\s+/)
      .map((kv) => kv.split('='))
      .filter((p) => p.length === 2),
  );
  const node24 = vars.DRIFTWATCH_NODE24;
  const codeServer = vars.DRIFTWATCH_CODE_SERVER;
  if (!node24 || !existsSync(node24) || !codeServer || !existsSync(codeServer)) {
    throw new Error(`scripts/ensure-deps.sh did not report usable paths (last line: ${JSON.stringify(last)})`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set DRIFTWATCH_CHROMIUM)`);
  cached = { node24, codeServer, chromium: CHROMIUM };
  return cached;
}

/** The cache folder ensure-deps.sh uses; `npm start` keeps its persistent profile there too. */
export function cacheRoot() {
  return process.env.DRIFTWATCH_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(process.env.HOME ?? '/tmp', '.cache'), 'driftwatch');
}
