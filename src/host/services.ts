/**
 * What the lifecycle owner offers the code it wires up. Command registrars and service starters take the narrow
 * slice of it they use (a `Pick` of {@link HostServices}), never the owner itself: they cannot reach services they
 * have no business with, tests can hand them a small fake, and no module imports `driftwatch.ts` back (no cycle).
 */
import type * as vscode from 'vscode';
import type { EventStore } from '../core/store/eventStore.js';
import type { ConfigService } from './config.js';
import type { Logger } from './logger.js';
import type { Platform } from './platform.js';

/** Answers for modal dialogs, honoured only in ExtensionMode.Test (integration tests cannot click a modal). */
export interface TestHooks {
  confirmExport?: (detail: string) => Promise<boolean>;
}

export interface HostServices {
  readonly context: vscode.ExtensionContext;
  readonly logger: Logger;
  readonly platform: Platform;
  readonly config: ConfigService;
  readonly store: EventStore;
  readonly testHooks: TestHooks;
  /** Adds a disposable to the owner's lifetime. */
  track<T extends vscode.Disposable>(d: T): T;
}
