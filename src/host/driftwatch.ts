/**
 * The lifecycle owner: `activate` builds one Driftwatch, which creates every service, owns every disposable and is
 * disposed as a whole. No module-level mutable state anywhere else.
 */
import type * as vscode from 'vscode';
import { EventStore } from '../core/store/eventStore.js';
import { dayOf, localTzOffset } from '../core/time/day.js';
import { ConfigService } from './config.js';
import type { Logger } from './logger.js';
import type { Platform } from './platform.js';
import { registerCommands } from './commands.js';
import { startQualityPanel, type QualityPanel } from './panel/startPanel.js';
import { CaptureService } from './capture/captureService.js';
import { createCaptureLinter } from './capture/captureLinter.js';
import { LintWorkerClient } from './lint/lintWorkerClient.js';
import { extensionGrammars } from './lint/extensionGrammars.js';
import { LintDiagnostics } from './lint/lintDiagnostics.js';
import { UploadService } from './upload/uploadService.js';
import { registerUploadCommands } from './upload/uploadCommands.js';
import { VerdictLedger } from '../core/capture/verdictLedger.js';
import type { DecisionEditor } from '../core/capture/decisionLinker.js';
import { HookService } from './hooks/hookService.js';
import { AgentConnections, registerAgentCommands } from './hooks/agentConnections.js';
import { OtlpService, registerOtlpCommands } from './otlp/otlpService.js';
import { registerEvidenceCommands } from './evidence/prepareDriftReport.js';
import type { HostServices, TestHooks } from './services.js';
import { RescoreService } from './rescore/rescoreService.js';

export class Driftwatch implements HostServices, vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** One lint worker for the Problems panel and capture, started on first use. */
  readonly linter: LintWorkerClient;
  /** The quality panel, drift monitor and status bar (set in `start`). */
  panel: QualityPanel | undefined;
  /** The capture engine (undefined while `driftwatch.capture.enabled` is off). Tests reach the tracker through it. */
  capture: CaptureService | undefined;
  /** Driftwatch findings in the Problems panel (`driftwatch.lint.problems`). */
  lint: LintDiagnostics | undefined;
  /** The opt-in team upload (sends nothing unless enabled, telemetry on and the first payload confirmed). */
  upload: UploadService | undefined;
  /** Verdicts and claims shared by capture and the agent-hook channel, so an edit is counted once. */
  readonly ledger = new VerdictLedger();
  /** The agent-hook channel and its connect commands (Node hosts only). */
  hooks: { service: HookService; connections: AgentConnections } | undefined;
  /** The loopback OTLP receiver (Node hosts only; listens only while `driftwatch.otlp.enabled`). */
  otlp: OtlpService | undefined;
  /** Background re-scoring of stored history when the rule set changes. */
  rescore: RescoreService | undefined;
  /** Answers for modal dialogs, honoured only in ExtensionMode.Test (integration tests cannot click a modal). */
  readonly testHooks: TestHooks = {};

  private constructor(
    readonly context: vscode.ExtensionContext,
    readonly logger: Logger,
    readonly platform: Platform,
    readonly config: ConfigService,
    readonly store: EventStore,
  ) {
    this.linter = new LintWorkerClient(extensionGrammars(context.extensionUri), platform.startLintWorker && (() => platform.startLintWorker!(context)), logger);
  }

  static async create(context: vscode.ExtensionContext, logger: Logger, platform: Platform): Promise<Driftwatch> {
    const config = new ConfigService(logger);
    const backend = platform.createStoreBackend(context);
    const store = await EventStore.open(backend, { logger, codeLevel: config.value['storage.codeLevel'] });
    logger.info(`store opened at ${store.location} (${platform.kind} host)`);
    const dw = new Driftwatch(context, logger, platform, config, store);
    dw.disposables.push(config);
    dw.start();
    return dw;
  }

  /** Adds a disposable to the owner's lifetime. */
  track<T extends vscode.Disposable>(d: T): T {
    this.disposables.push(d);
    return d;
  }

  private start(): void {
    this.track(
      this.config.onDidChange((e) => {
        if (e.affects('storage.codeLevel')) this.store.setCodeLevel(this.config.value['storage.codeLevel']);
        if (e.affects('storage.retentionDays')) void this.applyRetention();
      }),
    );
    registerCommands(this);
    this.startCapture();
    this.track(this.config.onDidChange((e) => e.affects('capture.enabled') && this.startCapture()));
    this.track({ dispose: () => this.capture?.dispose() });
    this.track(this.linter);
    this.lint = this.track(new LintDiagnostics(this.context.extensionUri, this.linter, this.config, this.store, this.logger));
    // Capture's tracked regions decide what "assistantRegions" shows in the Problems panel.
    this.lint.setRegionSource(this.capture);
    this.panel = startQualityPanel(this);
    const monitor = this.panel.monitor;
    for (const d of registerEvidenceCommands({ extensionUri: this.context.extensionUri, toolVersion: String(this.context.extension.packageJSON.version ?? '0.0.0'), store: this.store, config: this.config, logger: this.logger, alerts: () => monitor.visibleAlerts(), driftReport: async () => monitor.lastReport ?? (await monitor.evaluate()) })) this.track(d);
    this.upload = this.track(
      new UploadService({
        context: this.context,
        store: this.store,
        config: this.config,
        logger: this.logger,
        secretStorage: this.platform.createInstallSecretStorage(this.context),
        loadEncoder: () => this.platform.loadTeamEncoder(),
      }),
    );
    for (const d of registerUploadCommands(this.upload, this.context, this.logger)) this.track(d);
    this.startHooks();
    this.startOtlp();
    this.rescore = this.track(new RescoreService(this.store, this.linter, this.config, this.logger));
    void this.applyRetention();
  }

  /** Agent hooks: the spool consumer and the Connect/Disconnect commands (not on the web host). */
  private startHooks(): void {
    const platform = this.platform.hooks;
    if (!platform) return;
    const service = this.track(new HookService({ context: this.context, store: this.store, logger: this.logger, platform, ledger: this.ledger, tracker: () => this.capture?.tracker }));
    const connections = new AgentConnections(this.context, platform, (f) => service.spoolDir(f), this.logger);
    for (const d of registerAgentCommands(connections, () => service.counts)) this.track(d);
    this.hooks = { service, connections };
  }

  /** The loopback OTLP receiver (not on the web host); OTLP decisions defer to an assistant's active hooks. */
  private startOtlp(): void {
    const platform = this.platform.receiver;
    if (!platform) return;
    const hooksReport = (assistant: string): boolean => this.hooks?.service.book.activeWithin(assistant, 30 * 60_000) ?? false;
    const editor = (): DecisionEditor | undefined => {
      const capture = this.capture;
      return capture ? { adoptWrite: (from, to, who) => capture.session.adoptWrite(from, to, who), decline: (editId) => capture.tracker.decline(editId) } : undefined;
    };
    this.otlp = this.track(new OtlpService(this.context, platform, this.config, this.store, this.logger, hooksReport, { ledger: this.ledger, editor }));
    for (const d of registerOtlpCommands(this.otlp)) this.track(d);
  }

  /** Starts or stops capture to match `capture.enabled`. */
  private startCapture(): void {
    const enabled = this.config.value['capture.enabled'];
    if (enabled && !this.capture) {
      try {
        this.capture = new CaptureService(this.context, this.store, this.config, this.logger, { linter: createCaptureLinter(this.linter, this.logger), ledger: this.ledger });
      } catch (err) {
        this.logger.error(`capture could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
    } else if (!enabled && this.capture) {
      this.capture.dispose();
      this.capture = undefined;
    }
    this.lint?.setRegionSource(this.capture);
  }

  private async applyRetention(): Promise<void> {
    const keep = this.config.value['storage.retentionDays'];
    if (keep <= 0) return;
    try {
      const now = Date.now();
      await this.store.applyRetention(keep, dayOf(now, localTzOffset(now)));
    } catch (err) {
      this.logger.error(`retention failed: ${String(err)}`);
    }
  }

  /** Disposes services (newest first), then flushes the store so nothing buffered is lost. */
  async shutdown(): Promise<void> {
    for (const d of this.disposables.splice(0).reverse()) {
      try {
        d.dispose();
      } catch (err) {
        this.logger.error(`dispose failed: ${String(err)}`);
      }
    }
    await this.store.dispose();
  }

  dispose(): void {
    void this.shutdown();
  }
}
