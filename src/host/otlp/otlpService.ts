/**
 * The loopback OTLP receiver's lifetime in the extension host: started and stopped with `driftwatch.otlp.enabled`,
 * its token kept in SecretStorage and its port kept in global state, so the environment variables a user gave Claude
 * Code or Copilot Chat stay valid across restarts. Mapped records go through the decision linker (each decision tied
 * to the edit the editor observed, src/core/capture/decisionLinker.ts) to the store; notes are logged once each.
 */
import * as vscode from 'vscode';
import { DecisionLinker, type DecisionEditor } from '../../core/capture/decisionLinker.js';
import type { VerdictLedger } from '../../core/capture/verdictLedger.js';
import type { EventStore } from '../../core/store/eventStore.js';
import { systemClock } from '../../core/util/clock.js';
import type { ConfigService } from '../config.js';
import type { Logger } from '../logger.js';
import type { ReceiverPlatform, RunningReceiver } from './receiverPlatform.js';

const TOKEN_KEY = 'driftwatch.otlp.token';
const PORT_KEY = 'driftwatch.otlp.port';

export interface OtlpEndpoint {
  readonly url: string;
  readonly token: string;
}

export class OtlpService implements vscode.Disposable {
  private running: RunningReceiver | undefined;
  private token: string | undefined;
  private readonly notes = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private chain: Promise<void> = Promise.resolve();
  /** Records stored and items ignored since start (status, tests). */
  readonly counts = { stored: 0, ignored: 0 };
  /** Ties each decision to the edit the editor observed before it is stored. */
  readonly linker: DecisionLinker;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly platform: ReceiverPlatform,
    private readonly config: ConfigService,
    private readonly store: EventStore,
    private readonly logger: Logger,
    /** An assistant whose agent hooks report its decisions: its OTLP decisions are not stored again. */
    private readonly hooksReport: (assistant: string) => boolean,
    /** Capture's ledger and edits, so decisions link to what the editor observed (unlinked without them). */
    decisions: { ledger: VerdictLedger; editor(): DecisionEditor | undefined },
  ) {
    this.linker = new DecisionLinker({
      clock: systemClock,
      ledger: decisions.ledger,
      editor: () => decisions.editor(),
      emit: (records) => (this.counts.stored += this.store.append(records).length),
      log: { debug: (m) => this.logger.debug(m) },
    });
    this.disposables.push(this.config.onDidChange((e) => (e.affects('otlp.enabled') || e.affects('otlp.port')) && this.sync()));
    this.sync();
  }

  /** The endpoint while the receiver runs. */
  get endpoint(): OtlpEndpoint | undefined {
    return this.running && this.token ? { url: this.running.url, token: this.token } : undefined;
  }

  /** Resolves when pending starts/stops are done. */
  ready(): Promise<void> {
    return this.chain;
  }

  private sync(): void {
    this.chain = this.chain.then(() => this.apply()).catch((err) => this.logger.error(`otlp receiver: ${err instanceof Error ? err.message : String(err)}`));
  }

  private async apply(): Promise<void> {
    const enabled = this.config.value['otlp.enabled'];
    if (this.running) {
      await this.running.close();
      this.running = undefined;
    }
    if (!enabled) return;
    this.token = await this.context.secrets.get(TOKEN_KEY);
    if (!this.token) {
      this.token = this.platform.newToken();
      await this.context.secrets.store(TOKEN_KEY, this.token);
    }
    const configured = this.config.value['otlp.port'];
    const kept = this.context.globalState.get<number>(PORT_KEY);
    const start = (port: number): Promise<RunningReceiver> =>
      this.platform.start({
        port,
        token: this.token!,
        skip: (a) => this.hooksReport(a),
        onRecords: (records, ignored, notes) => {
          if (records.length > 0) this.linker.accept(records);
          this.counts.ignored += ignored;
          for (const n of notes) {
            if (this.notes.has(n)) continue;
            this.notes.add(n);
            this.logger.info(`otlp receiver: ${n}`);
          }
        },
        log: { warn: (m) => this.logger.warn(m), debug: (m) => this.logger.debug(m) },
      });
    try {
      this.running = await start(configured || kept || 0);
    } catch (err) {
      if (configured) throw new Error(`port ${configured} is not available (${String(err)}); choose another driftwatch.otlp.port`, { cause: err });
      this.running = await start(0); // the kept port was taken meanwhile: pick a new one and keep that
    }
    if (!configured) await this.context.globalState.update(PORT_KEY, this.running.port);
    this.logger.info(`otlp receiver listening on ${this.running.url} (loopback only; bearer token in the extension's secret storage)`);
  }

  dispose(): void {
    this.linker.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    const r = this.running;
    this.running = undefined;
    void r?.close();
  }
}

/** The environment for Claude Code (and any OTel SDK) to export to the receiver. */
export function claudeCodeEnvironment(e: OtlpEndpoint, protocol: 'http/json' | 'http/protobuf' = 'http/protobuf'): Record<string, string> {
  return {
    CLAUDE_CODE_ENABLE_TELEMETRY: '1',
    OTEL_LOGS_EXPORTER: 'otlp',
    OTEL_METRICS_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_PROTOCOL: protocol,
    OTEL_EXPORTER_OTLP_ENDPOINT: e.url,
    OTEL_EXPORTER_OTLP_HEADERS: `Authorization=Bearer ${e.token}`,
  };
}

/** Copilot Chat's OpenTelemetry settings pointing at the receiver (the token goes in OTEL_EXPORTER_OTLP_HEADERS). */
export function copilotChatSettings(e: OtlpEndpoint): Record<string, unknown> {
  return { 'github.copilot.chat.otel.enabled': true, 'github.copilot.chat.otel.exporterType': 'otlp-http', 'github.copilot.chat.otel.otlpEndpoint': e.url };
}

/** "Driftwatch: Show OTLP Receiver Setup". */
export function registerOtlpCommands(service: OtlpService): vscode.Disposable[] {
  // The command's `when` clause (see registerAgentCommands): the receiver runs wherever the extension host is Node.
  void vscode.commands.executeCommand('setContext', 'driftwatch.otlpAvailable', true);
  return [
    vscode.commands.registerCommand('driftwatch.otlp.showSetup', async () => {
      let e = service.endpoint;
      if (!e) {
        const go = await vscode.window.showInformationMessage('The Driftwatch OTLP receiver is off.', { modal: true, detail: 'Turn it on? It listens on 127.0.0.1 only and accepts requests carrying its random token.' }, 'Turn On');
        if (go !== 'Turn On') return;
        await vscode.workspace.getConfiguration('driftwatch').update('otlp.enabled', true, vscode.ConfigurationTarget.Global);
        await service.ready();
        e = service.endpoint;
        if (!e) return;
      }
      const env = Object.entries(claudeCodeEnvironment(e))
        .map(([k, v]) => `export ${k}="${v}"`)
        .join('\n');
      const settings = JSON.stringify(copilotChatSettings(e), null, 2);
      const choice = await vscode.window.showInformationMessage(
        `Driftwatch OTLP receiver at ${e.url}`,
        {
          modal: true,
          detail: `Claude Code — start it with:\n\n${env}\n\nCopilot Chat — user settings:\n\n${settings}\n\nand OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer ${e.token}" in VS Code's environment (Copilot Chat has no setting for headers).`,
        },
        'Copy Claude Code Environment',
        'Write Copilot Chat Settings',
      );
      if (choice === 'Copy Claude Code Environment') await vscode.env.clipboard.writeText(env + '\n');
      if (choice === 'Write Copilot Chat Settings') {
        const c = vscode.workspace.getConfiguration();
        for (const [k, v] of Object.entries(copilotChatSettings(e))) await c.update(k, v, vscode.ConfigurationTarget.Global);
        void vscode.window.showInformationMessage('Driftwatch: Copilot Chat OpenTelemetry settings written (user settings).');
      }
    }),
  ];
}
