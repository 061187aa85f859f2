/**
 * The team upload in the extension: gate, consent, daily cadence, queue and HTTP transport. Decisions (buckets, k,
 * backoff, queue bounds) live in src/core/team; this file subscribes to VS Code and moves bytes.
 *
 * Gate: nothing is sent unless `driftwatch.upload.enabled` is on AND `vscode.env.isTelemetryEnabled` is true AND the
 * user confirmed the first payload. Both switches are re-read before every attempt and on every change event;
 * turning either off aborts the request in flight and cancels the retry timer.
 */
import * as vscode from 'vscode';
import type { EventStore } from '../../core/store/eventStore.js';
import { addDays, dayOf, localTzOffset, type Day } from '../../core/time/day.js';
import { checkEndpoint, forgetUrl } from '../../core/team/endpoint.js';
import { monthOfDay, monthlyInstallId, recentMonths } from '../../core/team/installId.js';
import { loadOrCreateInstallSecret, rotateInstallSecret, type InstallSecretStorage } from '../../core/team/installSecret.js';
import { httpTransport } from '../../core/team/httpTransport.js';
import type { AttemptResult } from '../../core/team/retryPolicy.js';
import { latestCompleteDay } from '../../core/team/teamPayload.js';
import { buildDayRequest, queueEntryOf, type DayRequest, type TeamEncoder } from '../../core/team/teamRequest.js';
import { UploadQueue, type QueueItem } from '../../core/team/uploadQueue.js';
import { systemClock, type Clock, type TimerHandle } from '../../core/util/clock.js';
import type { ConfigService } from '../config.js';
import type { Logger } from '../logger.js';

export const TOKEN_SECRET_KEY = 'driftwatch.upload.token';
const QUEUE_KEY = 'driftwatch.upload.queue';
const CONSENT_KEY = 'driftwatch.upload.consent';
const LAST_QUEUED_KEY = 'driftwatch.upload.lastQueuedDay';
/** How often the daily cadence checks for a newly completed day. */
const CADENCE_MS = 3_600_000;
/** At most this many past days are caught up after a pause (older days are not uploaded late). */
const CATCH_UP_DAYS = 7;
/** Past monthly ids a deletion request names (the contract's maximum). */
const FORGET_MONTHS = 36;

interface Consent {
  endpoint: string;
  teamId: string;
  at: number;
}

export interface UploadServiceOptions {
  context: vscode.ExtensionContext;
  store: EventStore;
  config: ConfigService;
  logger: Logger;
  secretStorage: InstallSecretStorage;
  /** The OTLP encoder, loaded on first use (see Platform.loadTeamEncoder). */
  loadEncoder: () => Promise<TeamEncoder>;
  clock?: Clock;
}

/** Shows the payload and asks once; resolves true when the user agrees. Replaceable by tests. */
export type ConsentPrompt = (payloadJson: string, summary: string) => Promise<boolean>;

export class UploadService implements vscode.Disposable {
  private readonly clock: Clock;
  private readonly disposables: vscode.Disposable[] = [];
  private queueReady: Promise<UploadQueue>;
  private queue: UploadQueue | undefined;
  private cadence: TimerHandle | undefined;
  private consentInProgress: Promise<void> | undefined;
  private disposed = false;
  private encoder: Promise<TeamEncoder> | undefined;
  private readonly transport = httpTransport({
    endpoint: () => this.o.config.value['upload.endpoint'],
    token: () => Promise.resolve(this.o.context.secrets.get(TOKEN_SECRET_KEY)),
    now: () => this.clock.now(),
  });
  /** Asks the user; the default opens the payload in an editor and shows a modal. */
  consentPrompt: ConsentPrompt = (json, summary) => defaultConsentPrompt(json, summary);

  constructor(private readonly o: UploadServiceOptions) {
    this.clock = o.clock ?? systemClock;
    this.queueReady = UploadQueue.open({
      clock: this.clock,
      logger: o.logger,
      gate: () => this.gateOpen(),
      transport: (item, signal) => this.send(item, signal),
      persistence: {
        load: async () => o.context.globalState.get<unknown>(QUEUE_KEY),
        save: (items) => Promise.resolve(o.context.globalState.update(QUEUE_KEY, items)),
      },
    }).then((q) => {
      this.queue = q;
      return q;
    });
    this.disposables.push(
      vscode.env.onDidChangeTelemetryEnabled((enabled) => {
        o.logger.info(`upload: VS Code telemetry is now ${enabled ? 'enabled' : 'disabled'}; upload gate ${this.gateOpen() ? 'open' : 'closed'}`);
        void this.onSwitchChanged();
      }),
      o.config.onDidChange((e) => {
        if (e.affects('upload.enabled') || e.affects('upload.endpoint') || e.affects('upload.teamId')) void this.onSwitchChanged();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('telemetry')) void this.onSwitchChanged();
      }),
    );
    void this.onSwitchChanged();
    this.scheduleCadence();
  }

  /** Both switches on and the current endpoint/team consented to. Re-read on every call. */
  gateOpen(): boolean {
    if (this.disposed) return false;
    return this.o.config.value['upload.enabled'] && telemetryAllowed() && this.hasConsent();
  }

  private hasConsent(): boolean {
    const c = this.o.context.globalState.get<Consent>(CONSENT_KEY);
    return !!c && c.endpoint === this.o.config.value['upload.endpoint'] && c.teamId === this.o.config.value['upload.teamId'];
  }

  /** The queue, once loaded (tests and commands). */
  async getQueue(): Promise<UploadQueue> {
    return this.queueReady;
  }

  private async onSwitchChanged(): Promise<void> {
    const q = await this.queueReady;
    q.gateChanged();
    const cfg = this.o.config.value;
    if (cfg['upload.enabled'] && telemetryAllowed() && !this.hasConsent()) await this.askConsent();
    if (this.gateOpen()) await this.catchUp();
  }

  /** The last local day whose records are complete (yesterday, once its late checkpoints have landed). */
  latestCompleteDay(): Day {
    return latestCompleteDay(this.clock.now());
  }

  /** Why an upload cannot happen now, or undefined when it can (settings only; the gate is separate). */
  private setupProblem(): string | undefined {
    const cfg = this.o.config.value;
    if (cfg['upload.teamId'] === '') return 'no team id is set (driftwatch.upload.teamId)';
    const ep = checkEndpoint(cfg['upload.endpoint']);
    return ep.ok ? undefined : ep.reason;
  }

  /** Builds the request for one day with the current settings and install secret. */
  async buildDay(day: Day): Promise<DayRequest> {
    const cfg = this.o.config.value;
    const secret = await loadOrCreateInstallSecret(this.o.secretStorage, (m) => this.o.logger.warn(m));
    // A failed load (a broken install) is not remembered: the next build tries again.
    this.encoder ??= this.o.loadEncoder().catch((e: unknown) => {
      this.encoder = undefined;
      throw e;
    });
    return buildDayRequest(this.o.store, { day, secret, teamId: cfg['upload.teamId'], k: cfg['upload.k'], format: cfg['upload.format'] }, await this.encoder);
  }

  private async askConsent(): Promise<void> {
    if (this.consentInProgress) return this.consentInProgress;
    this.consentInProgress = (async () => {
      const problem = this.setupProblem();
      if (problem) {
        this.o.logger.warn(`upload: enabled, but ${problem}; nothing is sent`);
        void vscode.window.showWarningMessage(`Driftwatch upload is on, but ${problem}. Nothing is sent until it is set.`);
        return;
      }
      const cfg = this.o.config.value;
      const req = await this.buildDay(this.latestCompleteDay());
      const summary = describe(req);
      const agreed = await this.consentPrompt(req.previewJson, summary);
      if (agreed) {
        // The consent covers what was shown: the first upload is exactly that day, earlier days are never sent.
        const last = this.o.context.globalState.get<Record<string, Day>>(LAST_QUEUED_KEY) ?? {};
        const before = addDays(req.day, -1);
        const done = last[cfg['upload.teamId']];
        if (done === undefined || done < before) await this.o.context.globalState.update(LAST_QUEUED_KEY, { ...last, [cfg['upload.teamId']]: before });
        await this.o.context.globalState.update(CONSENT_KEY, { endpoint: cfg['upload.endpoint'], teamId: cfg['upload.teamId'], at: this.clock.now() } satisfies Consent);
        this.o.logger.info('upload: the user confirmed the first payload; uploading daily');
      } else {
        this.o.logger.info('upload: the user declined the first payload; turning upload off');
        await vscode.workspace.getConfiguration('driftwatch').update('upload.enabled', false, vscode.ConfigurationTarget.Global);
      }
    })().finally(() => {
      this.consentInProgress = undefined;
    });
    return this.consentInProgress;
  }

  private scheduleCadence(): void {
    if (this.disposed) return;
    this.cadence = this.clock.setTimeout(() => {
      this.cadence = undefined;
      if (this.gateOpen()) void this.catchUp();
      this.scheduleCadence();
    }, CADENCE_MS);
  }

  /** Queues every completed day not queued yet (at most {@link CATCH_UP_DAYS} back), then sends what is due. */
  async catchUp(): Promise<number> {
    const q = await this.queueReady;
    if (!this.gateOpen()) return 0;
    const problem = this.setupProblem();
    if (problem) {
      this.o.logger.warn(`upload: ${problem}; nothing is sent`);
      return 0;
    }
    const teamId = this.o.config.value['upload.teamId'];
    const last = this.o.context.globalState.get<Record<string, Day>>(LAST_QUEUED_KEY) ?? {};
    const until = this.latestCompleteDay();
    let from = addDays(until, -(CATCH_UP_DAYS - 1));
    const done = last[teamId];
    if (done !== undefined && addDays(done, 1) > from) from = addDays(done, 1);
    let queued = 0;
    for (let day = from; day <= until; day = addDays(day, 1)) {
      if (!this.gateOpen()) break;
      const req = await this.buildDay(day);
      if (req.teamDay.buckets.length > 0) {
        await q.enqueue(queueEntryOf(req, teamId));
        queued++;
      }
      this.o.logger.info(`upload: ${day}: ${describe(req)}`);
      await this.o.context.globalState.update(LAST_QUEUED_KEY, { ...last, [teamId]: day });
      last[teamId] = day;
    }
    q.retryNow();
    return queued;
  }

  private async send(item: QueueItem, signal: AbortSignal): Promise<AttemptResult> {
    if (item.teamId !== this.o.config.value['upload.teamId']) return { kind: 'drop', reason: 'the team id changed since it was queued' };
    if (signal.aborted || !this.gateOpen()) return { kind: 'retry', reason: 'gate closed' };
    return this.transport(item, signal);
  }

  /** "Upload Now": queues completed days and retries everything queued at once. */
  async uploadNow(): Promise<string> {
    if (!this.o.config.value['upload.enabled']) return 'Upload is off (driftwatch.upload.enabled).';
    if (!telemetryAllowed()) return 'VS Code telemetry is off, so Driftwatch uploads nothing.';
    if (!this.hasConsent()) {
      await this.askConsent();
      if (!this.hasConsent()) return 'Upload was not confirmed; nothing was sent.';
    }
    const problem = this.setupProblem();
    if (problem) return `Cannot upload: ${problem}.`;
    const queued = await this.catchUp();
    const q = await this.queueReady;
    await q.idle();
    const s = q.status();
    return s.items === 0 ? `Uploaded (${queued} new day(s) queued, all sent).` : `${s.items} day(s) still queued; see the Driftwatch log for why.`;
  }

  /**
   * "Forget My Uploaded Data": asks the collector to delete every row of this install's current and past monthly
   * ids, then rotates the secret and empties the queue. A 404 means the receiver is not a Driftwatch collector (e.g. a
   * plain OpenTelemetry Collector): the user must ask that backend's operator.
   */
  async forget(): Promise<{ ok: boolean; message: string }> {
    const cfg = this.o.config.value;
    const ep = checkEndpoint(cfg['upload.endpoint']);
    if (!ep.ok) return { ok: false, message: `Cannot send a deletion request: ${ep.reason}.` };
    if (cfg['upload.teamId'] === '') return { ok: false, message: 'Cannot send a deletion request: no team id is set.' };
    const token = await this.o.context.secrets.get(TOKEN_SECRET_KEY);
    if (!token) return { ok: false, message: 'Cannot send a deletion request: no upload token is set.' };
    const secret = await loadOrCreateInstallSecret(this.o.secretStorage);
    const now = this.clock.now();
    const month = monthOfDay(dayOf(now, localTzOffset(now)));
    const installIds = await Promise.all(recentMonths(month, FORGET_MONTHS).map((m) => monthlyInstallId(secret, m)));
    let res: Response;
    try {
      res = await fetch(forgetUrl(ep.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ teamId: cfg['upload.teamId'], installIds }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (err) {
      return { ok: false, message: `The deletion request failed (${err instanceof Error ? err.message : String(err)}); nothing was changed. Try again later.` };
    }
    let message: string;
    if (res.status === 200) {
      const body = (await res.json().catch(() => ({}))) as { deleted?: unknown };
      message = `The collector deleted ${typeof body.deleted === 'number' ? body.deleted : 'all'} uploaded row(s) of this install.`;
    } else if (res.status === 404) {
      message = 'The endpoint has no Driftwatch deletion API (it is probably a plain OpenTelemetry Collector): ask the operator of that backend to delete your data.';
    } else {
      return { ok: false, message: `The deletion request was answered HTTP ${res.status}; nothing was changed. Try again later.` };
    }
    await rotateInstallSecret(this.o.secretStorage);
    await (await this.queueReady).clear();
    this.o.logger.info(`upload: deletion request answered HTTP ${res.status}; install secret rotated, queue emptied`);
    return { ok: res.status === 200, message: `${message} Future uploads use a new install id that cannot be linked to the old one.` };
  }

  dispose(): void {
    this.disposed = true;
    if (this.cadence) this.clock.clearTimeout(this.cadence);
    this.queue?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/**
 * VS Code's telemetry switch: `vscode.env.isTelemetryEnabled`, and — because some hosts deliver a telemetry level
 * change to the extension host one change late (observed in code-server 4.139: setting `off` left
 * `isTelemetryEnabled` true until the next telemetry setting change) — the user's `telemetry.telemetryLevel` itself,
 * so turning telemetry off stops uploads at once even there.
 */
function telemetryAllowed(): boolean {
  if (!vscode.env.isTelemetryEnabled) return false;
  const telemetry = vscode.workspace.getConfiguration('telemetry');
  const level = telemetry.get<string>('telemetryLevel');
  return (level === undefined || level === 'all') && telemetry.get<boolean>('enableTelemetry') !== false;
}

function describe(req: DayRequest): string {
  const s = req.teamDay.suppressed;
  return `${req.teamDay.buckets.length} bucket(s) for ${req.day}; ${s.belowK} cell(s) with ${s.editsBelowK} edit(s) held back below k${s.invalid ? `, ${s.invalid} cell(s) with unsendable labels` : ''}`;
}

async function defaultConsentPrompt(json: string, summary: string): Promise<boolean> {
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content: json });
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  const choice = await vscode.window.showInformationMessage(
    'Start uploading Driftwatch team aggregates?',
    {
      modal: true,
      detail: `The document beside shows exactly the next upload (${summary}): counts per assistant, version, model and language, never code, paths or names. Upload runs daily while this setting and VS Code telemetry are on.`,
    },
    'Start Uploading',
  );
  return choice === 'Start Uploading';
}
