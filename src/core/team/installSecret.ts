/**
 * Keeping the install secret with the local store. The secret never leaves the machine; only the monthly HMACs of it
 * do (see installId.ts). Hosts provide the storage: a file in the store folder on Node (so the CLI and the editor agree
 * on the install), IndexedDB in the web host.
 */
import { isInstallSecret, newInstallSecret } from './installId.js';

export interface InstallSecretStorage {
  /** Human-readable location, for logs. */
  readonly location: string;
  read(): Promise<unknown>;
  write(secret: string): Promise<void>;
}

/** The stored secret, creating and saving one on first use (a damaged value is replaced, with a warning). */
export async function loadOrCreateInstallSecret(storage: InstallSecretStorage, warn: (message: string) => void = () => {}): Promise<string> {
  const existing = await storage.read();
  if (isInstallSecret(existing)) return existing;
  if (existing !== undefined) warn(`team upload: the install secret at ${storage.location} is unreadable; creating a new one (a new install id)`);
  const secret = newInstallSecret();
  await storage.write(secret);
  return secret;
}

/** Replaces the secret ("Forget My Uploaded Data"): later uploads cannot be linked to earlier ones. */
export async function rotateInstallSecret(storage: InstallSecretStorage): Promise<string> {
  const secret = newInstallSecret();
  await storage.write(secret);
  return secret;
}
