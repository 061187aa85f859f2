// Keeps what explains a failed run: code-server's own log and VS Code's logs (extension host, Driftwatch output
// channel, renderer), copied from a temp profile into test-results/ before the profile is deleted.
import { existsSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';

export async function saveArtifacts(dirs, target) {
  await mkdir(target, { recursive: true });
  try {
    if (existsSync(dirs.log)) await cp(dirs.log, path.join(target, 'code-server.log'));
    const logs = path.join(dirs.userDataDir, 'logs');
    if (existsSync(logs)) await cp(logs, path.join(target, 'vscode-logs'), { recursive: true });
    console.log(`[artifacts] logs saved to ${path.relative(process.cwd(), target) || target}`);
  } catch (err) {
    console.log(`[artifacts] could not save logs: ${err instanceof Error ? err.message : String(err)}`);
  }
}
