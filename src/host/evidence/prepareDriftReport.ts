/**
 * "Driftwatch: Prepare Drift Report…" (`driftwatch.prepareDriftReport`, optional argument: an assistant id, e.g. from
 * a drift alert's button). Picks the assistant when none is given (drifted ones first), builds the evidence bundle
 * from the store's rollups, and opens the review page where the user sees every candidate example, ticks the ones
 * to include and, per example, whether its code goes in. Nothing is sent anywhere: the report is written to a
 * folder the user picks.
 */
import * as vscode from 'vscode';
import * as z from 'zod';
import { DRIFT_METRICS, driftWeights, type DriftAlert, type DriftReport, type DriftWatch } from '../../core/drift/detectDrift.js';
import { describeAlertTitle } from '../../core/drift/describeAlert.js';
import { buildEvidence, type EvidenceBundle } from '../../core/evidence/evidenceBundle.js';
import { collectEvidenceCandidates, EVIDENCE_EXAMPLE_KINDS, type EvidenceCandidate } from '../../core/evidence/evidenceExamples.js';
import type { EventStore } from '../../core/store/eventStore.js';
import { addDays, dayOf, localTzOffset, type Day } from '../../core/time/day.js';
import type { ConfigService } from '../config.js';
import type { Logger } from '../logger.js';
import { EvidenceReviewPanel } from './evidenceReviewPanel.js';

/** What the command needs from the lifecycle owner (and nothing more). */
export interface EvidenceServices {
  extensionUri: vscode.Uri;
  toolVersion: string;
  store: EventStore;
  config: ConfigService;
  logger: Logger;
  /** The drift alerts the panel shows now (not dismissed), to put drifted assistants first. */
  alerts: () => readonly DriftAlert[];
  /**
   * The drift monitor's latest report, evaluated first if it has none yet (in the first seconds after start), so the
   * picker knows which assistants drifted and the report is reused when it covers today with the current windows.
   */
  driftReport: () => Promise<DriftReport | undefined>;
}

/** Candidates offered for review: enough to choose from, few enough to look at each. */
const CANDIDATES = 30;

const AssistantArg = z.union([z.string(), z.object({ assistant: z.string() }).transform((o) => o.assistant)]).pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/));

export function registerEvidenceCommands(s: EvidenceServices): vscode.Disposable[] {
  const panels = new Map<string, EvidenceReviewPanel>();
  return [
    vscode.commands.registerCommand('driftwatch.prepareDriftReport', async (arg?: unknown) => {
      try {
        return await prepare(s, panels, arg);
      } catch (err) {
        s.logger.error(`drift report failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        void vscode.window.showErrorMessage(`Driftwatch could not prepare the drift report: ${err instanceof Error ? err.message : String(err)}`, 'Show Logs').then((c) => {
          if (c === 'Show Logs') s.logger.show();
        });
        return undefined;
      }
    }),
    { dispose: () => [...panels.values()].forEach((p) => p.dispose()) },
  ];
}

function driftOptions(s: EvidenceServices): { today: Day; recentDays: number; baselineDays: number; minSamples: number; watch: DriftWatch } {
  const c = s.config.value;
  const now = Date.now();
  return { today: dayOf(now, localTzOffset(now)), recentDays: c['drift.recentDays'], baselineDays: c['drift.baselineDays'], minSamples: c['drift.minSamples'], watch: c['drift.watch'] };
}

async function prepare(s: EvidenceServices, panels: Map<string, EvidenceReviewPanel>, arg: unknown): Promise<boolean> {
  const drift = driftOptions(s);
  const since = addDays(drift.today, -(drift.recentDays + drift.baselineDays - 1));
  const rollups = s.store.rollups();
  const edits = new Map<string, number>();
  for (const r of rollups) {
    if (r.day < since || r.day > drift.today) continue;
    for (const b of Object.values(r.buckets)) if (b.edits > 0) edits.set(b.assistant, (edits.get(b.assistant) ?? 0) + b.edits);
  }
  let assistant: string | undefined;
  if (arg !== undefined) {
    const parsed = AssistantArg.safeParse(arg);
    if (!parsed.success) {
      s.logger.warn(`drift report: ignored an invalid assistant argument ${JSON.stringify(arg)?.slice(0, 100)}`);
    } else assistant = parsed.data;
  }
  const monitored = await s.driftReport();
  assistant ??= await pickAssistant(s, edits, since, drift.today);
  if (assistant === undefined) return false;
  if (!edits.has(assistant)) {
    void vscode.window.showInformationMessage(`Driftwatch has no edits by ${assistant} between ${since} and ${drift.today}, so there is nothing to report.`);
    return false;
  }
  const bundle = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Preparing the drift report for ${assistant}…` }, async () => {
    const b = buildEvidence({ assistant: assistant, rollups, drift, ...reusableReport(monitored, drift), generatedAt: new Date().toISOString(), toolVersion: s.toolVersion });
    return { bundle: b, candidates: await readCandidates(s.store, b) };
  });
  panels.get(assistant)?.dispose();
  const panel = new EvidenceReviewPanel({ extensionUri: s.extensionUri, logger: s.logger, bundle: bundle.bundle, candidates: bundle.candidates, today: drift.today });
  panels.set(assistant, panel);
  panel.onDidDispose(() => {
    if (panels.get(assistant) === panel) panels.delete(assistant);
  });
  s.logger.info(`drift report: review opened for ${assistant} (${bundle.candidates.length} candidate examples, drifted: ${bundle.bundle.drifted})`);
  return true;
}

/**
 * The monitor's report when it was made today with the current windows: the report then says exactly what the alert
 * said, and the scans (up to a second or more on a busy history) do not block the extension host again.
 */
function reusableReport(r: DriftReport | undefined, o: { today: Day; recentDays: number; baselineDays: number; watch: DriftWatch }): { report: DriftReport } | Record<string, never> {
  if (!r) return {};
  const recentSince = addDays(o.today, -(o.recentDays - 1));
  const weights = driftWeights(o);
  const sameWatch = DRIFT_METRICS.every((m) => r.watched.includes(m) === weights[m] > 0);
  const same = sameWatch && r.windows.recent.until === o.today && r.windows.recent.since === recentSince && r.windows.baseline.since === addDays(recentSince, -o.baselineDays);
  return same ? { report: r } : {};
}

async function readCandidates(store: EventStore, b: EvidenceBundle): Promise<EvidenceCandidate[]> {
  const records = [];
  for await (const r of store.read({ since: b.windows.changePoint, until: b.windows.after.until, kinds: EVIDENCE_EXAMPLE_KINDS })) records.push(r);
  return collectEvidenceCandidates(records, { assistant: b.assistant, since: b.windows.changePoint, until: b.windows.after.until, rules: b.rules.map((r) => r.ruleId), limit: CANDIDATES });
}

async function pickAssistant(s: EvidenceServices, edits: Map<string, number>, since: Day, today: Day): Promise<string | undefined> {
  if (edits.size === 0) {
    void vscode.window.showInformationMessage(`Driftwatch has recorded no assistant edits between ${since} and ${today}, so there is nothing to report yet.`);
    return undefined;
  }
  const alerts = new Map(s.alerts().map((a) => [a.assistant, a]));
  const items = [...edits.entries()]
    .sort((a, b) => Number(alerts.has(b[0])) - Number(alerts.has(a[0])) || b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, n]) => {
      const alert = alerts.get(id);
      return {
        label: alert ? `$(warning) ${id}` : id,
        description: `${n} edits since ${since}`,
        detail: alert ? describeAlertTitle(alert) : 'No drift alert',
        id,
      };
    });
  const picked = await vscode.window.showQuickPick(items, { title: 'Prepare Drift Report: which assistant?', placeHolder: 'The report compares its work before and after the change', matchOnDetail: true });
  return picked?.id;
}
