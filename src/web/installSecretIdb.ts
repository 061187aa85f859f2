/** The install secret in the web host: one IndexedDB value next to the web store's own database. */
import { createStore, get, set } from 'idb-keyval';
import type { InstallSecretStorage } from '../core/team/installSecret.js';

export function installSecretIdb(dbName: string): InstallSecretStorage {
  const db = createStore(dbName, 'secret');
  return {
    location: `indexeddb://${dbName}/secret`,
    read: () => get<unknown>('install', db),
    write: (secret) => set('install', secret, db),
  };
}
