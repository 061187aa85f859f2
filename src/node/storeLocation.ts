/**
 * Where the extension keeps its store: VS Code's global storage folder for the extension, which differs per product
 * (VS Code, Insiders, VSCodium, code-server) and platform. The CLI uses this to find a store when `--store` is omitted.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const EXTENSION_STORAGE_ID = 'driftwatch.driftwatch';

export function candidateStoreDirs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  const home = os.homedir();
  const products = ['Code', 'Code - Insiders', 'VSCodium', 'Cursor'];
  const roots: string[] = [];
  if (platform === 'win32') {
    const appData = env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming');
    for (const p of products) roots.push(path.join(appData, p, 'User'));
  } else if (platform === 'darwin') {
    for (const p of products) roots.push(path.join(home, 'Library', 'Application Support', p, 'User'));
  } else {
    const config = env['XDG_CONFIG_HOME'] ?? path.join(home, '.config');
    for (const p of products) roots.push(path.join(config, p, 'User'));
  }
  const data = env['XDG_DATA_HOME'] ?? path.join(home, '.local', 'share');
  roots.push(path.join(data, 'code-server', 'User'));
  roots.push(path.join(home, '.vscode-server', 'data', 'User'));
  return roots.map((r) => path.join(r, 'globalStorage', EXTENSION_STORAGE_ID));
}

/** The first candidate store folder that exists, if any. */
export function findDefaultStore(): string | undefined {
  return candidateStoreDirs().find((d) => existsSync(path.join(d, 'events')));
}
