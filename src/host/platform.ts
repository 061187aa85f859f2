/** What differs between the Node extension host and the web extension host, injected into the lifecycle owner. */
import type * as vscode from 'vscode';
import type { StoreBackend } from '../core/store/eventStore.js';

export interface Platform {
  readonly kind: 'node' | 'web';
  /** Creates the store backend under the extension's global storage. */
  createStoreBackend(context: vscode.ExtensionContext): StoreBackend;
}
