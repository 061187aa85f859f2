/** What differs between the Node extension host and the web extension host, injected into the lifecycle owner. */
import type * as vscode from 'vscode';
import type { DriftOptions, DriftReport } from '../core/drift/detectDrift.js';
import type { ExportMetadata, ExportOptions } from '../core/export/exporter.js';
import type { DailyRollup } from '../core/store/rollup.js';
import type { EventStore, StoreBackend } from '../core/store/eventStore.js';
import type { LintWorkerChannel } from '../core/lint/worker/lintWorkerProtocol.js';
import type { InstallSecretStorage } from '../core/team/installSecret.js';
import type { TeamEncoder } from '../core/team/teamRequest.js';
import type { HookPlatform } from './hooks/hookPlatform.js';
import type { ReceiverPlatform } from './otlp/receiverPlatform.js';

export interface Platform {
  readonly kind: 'node' | 'web';
  /** Creates the store backend under the extension's global storage. */
  createStoreBackend(context: vscode.ExtensionContext): StoreBackend;
  /** Where the team upload's install secret lives: with the store (a file on Node, IndexedDB on the web). */
  createInstallSecretStorage(context: vscode.ExtensionContext): InstallSecretStorage;
  /** Writes an export to `target` with its metadata (`<target>.meta.json`) and JSON Schema beside it. */
  writeExport(store: EventStore, options: ExportOptions, target: vscode.Uri): Promise<ExportMetadata>;
  /**
   * The team upload's OTLP encoder (the OpenTelemetry packages, ≈ 250 KB minified), loaded on first use so the
   * bundle read at activation does not carry it: a separate file on Node; bundled on the web (one file there).
   */
  loadTeamEncoder(): Promise<TeamEncoder>;
  /** Starts the editor's lint worker (a worker thread on Node, a Web Worker on the web); absent: lint on the host. */
  startLintWorker?(context: vscode.ExtensionContext): Promise<LintWorkerChannel>;
  /**
   * Starts the drift worker (a worker thread on Node), which runs drift evaluations off the extension host's thread;
   * absent (the web host): evaluations run on the host in slices.
   */
  startDriftWorker?(context: vscode.ExtensionContext): DriftEvaluator;
  /** Agent hooks (spool folder, hook command); absent on the web host. */
  readonly hooks?: HookPlatform;
  /** The loopback OTLP receiver; absent on the web host. */
  readonly receiver?: ReceiverPlatform;
}

/** Evaluates drift somewhere other than the caller's thread, with exactly `detectDrift`'s result. */
export interface DriftEvaluator {
  evaluate(rollups: readonly DailyRollup[], options: DriftOptions): Promise<DriftReport>;
  dispose(): void;
}
