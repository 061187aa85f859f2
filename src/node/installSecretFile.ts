/**
 * The install secret as a file in the store folder (`team-install.json`, owner-only permissions), written atomically
 * so a crash cannot leave half a secret. The CLI and the extension read the same file, so `driftwatch payload` shows
 * the install id the editor uploads under.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { InstallSecretStorage } from '../core/team/installSecret.js';

export const INSTALL_SECRET_FILE = 'team-install.json';

export function installSecretFile(storeDir: string): InstallSecretStorage {
  const file = path.join(storeDir, INSTALL_SECRET_FILE);
  return {
    location: file,
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      try {
        return (JSON.parse(text) as { secret?: unknown }).secret ?? null;
      } catch {
        return null;
      }
    },
    async write(secret) {
      await mkdir(storeDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify({ v: 1, secret, created: new Date().toISOString() }) + '\n', { mode: 0o600 });
      await rename(tmp, file);
    },
  };
}
