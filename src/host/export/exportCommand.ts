/**
 * "Driftwatch: Export Local Data…": asks for format, redaction and range, states what the file will contain, and
 * writes data + metadata + JSON Schema. Called with an argument object (`{ format, redact, out, since, until }`, e.g.
 * by another extension) the arguments pre-fill the choices, but the user is ALWAYS asked to consent in a modal
 * dialog that names the content and the target — another extension cannot export the user's data silently — and
 * only targets on file-like schemes (local files, the remote machine, user data, the open workspace's own file
 * system) are written.
 */
import * as vscode from 'vscode';
import * as z from 'zod';
import { validateExportOptions, type ExportConsent, type ExportFormat, type ExportOptions, type RedactionLevel } from '../../core/export/exporter.js';
import { addDays, dayOf, localTzOffset } from '../../core/time/day.js';
import type { HostServices } from '../services.js';

/** What the export command uses of the lifecycle owner. */
type ExportServices = Pick<HostServices, 'track' | 'logger' | 'config' | 'context' | 'testHooks' | 'platform' | 'store'>;

const ExportArgs = z.object({
  format: z.enum(['jsonl', 'csv', 'agent-trace']),
  redact: z.enum(['all', 'noCode', 'aggregate']).default('noCode'),
  out: z.string().min(1),
  since: z.string().optional(),
  until: z.string().optional(),
});

/** What the user is told (and what the metadata records) for each redaction level. */
export function consentStatement(redact: RedactionLevel, codeKept: boolean, format?: ExportFormat): string {
  if (format === 'agent-trace') {
    return redact === 'all' && codeKept
      ? 'The export contains one Agent Trace record per assistant edit: workspace-relative file paths, line ranges, assistant and model, and a SHA-256 hash of the inserted code (not the code itself).'
      : 'The export contains one Agent Trace record per assistant edit: workspace-relative file paths, line ranges, assistant and model; no code and no code hashes.';
  }
  switch (redact) {
    case 'all':
      return codeKept
        ? 'The export contains every stored record, including the code text assistants inserted and workspace-relative file paths.'
        : 'The export contains every stored record, including workspace-relative file paths (the store keeps no code text).';
    case 'noCode':
      return 'The export contains every stored record without code text; workspace-relative file paths are included.';
    case 'aggregate':
      return 'The export contains only daily counters per assistant, model and language: no code, no paths, no per-edit records.';
  }
}

export function registerExportCommand(dw: ExportServices): void {
  dw.track(
    vscode.commands.registerCommand('driftwatch.export', async (arg?: unknown) => {
      try {
        return await (arg === undefined ? exportInteractive(dw) : exportWithArgs(dw, arg));
      } catch (err) {
        dw.logger.error(`export failed: ${err instanceof Error ? err.message : String(err)}`);
        void vscode.window.showErrorMessage(`Driftwatch export failed: ${err instanceof Error ? err.message : String(err)}`, 'Show Logs').then((c) => {
          if (c === 'Show Logs') dw.logger.show();
        });
        return undefined;
      }
    }),
  );
}

async function exportWithArgs(dw: ExportServices, arg: unknown): Promise<{ rows: number; data: string } | undefined> {
  const parsed = ExportArgs.safeParse(arg);
  if (!parsed.success) {
    dw.logger.warn(`export: invalid arguments ${JSON.stringify(arg)}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    return undefined;
  }
  const problem = validateExportOptions(parsed.data);
  if (problem) {
    dw.logger.warn(`export: ${problem}`);
    return undefined;
  }
  const a = parsed.data;
  const target = /^[a-z][a-z0-9+.-]*:/i.test(a.out) && !/^[a-z]:[\\/]/i.test(a.out) ? vscode.Uri.parse(a.out) : vscode.Uri.file(a.out);
  if (!exportSchemes().has(target.scheme)) {
    dw.logger.warn(`export: refused target scheme "${target.scheme}:" (exports are written only to ${[...exportSchemes()].join(', ')})`);
    return undefined;
  }
  const statement = consentStatement(a.redact, dw.config.value['storage.codeLevel'] === 'all', a.format);
  if (!(await askConsent(dw, statement, target))) {
    dw.logger.info('export: the user declined an export requested with arguments; nothing written');
    return undefined;
  }
  const consent: ExportConsent = { method: 'dialog', statement, at: new Date().toISOString() };
  return write(dw, { format: a.format, redact: a.redact, ...(a.since ? { since: a.since } : {}), ...(a.until ? { until: a.until } : {}) }, consent, target);
}

/** Schemes an export may be written to: file-like file systems, never one an arbitrary provider registers. */
function exportSchemes(): Set<string> {
  return new Set(['file', 'vscode-remote', 'vscode-userdata', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)]);
}

/** The modal consent every export goes through. In the extension's own tests (only) a hook may answer it. */
async function askConsent(dw: ExportServices, statement: string, target: vscode.Uri | undefined): Promise<boolean> {
  const detail = `${statement}\n${target ? `It will be written to ${target.scheme === 'file' ? target.fsPath : target.toString(true)}. ` : ''}The file stays on this machine unless you share it.`;
  const hook = dw.context.extensionMode === vscode.ExtensionMode.Test ? dw.testHooks.confirmExport : undefined;
  if (hook) return hook(detail);
  return (await vscode.window.showWarningMessage('Export Driftwatch data?', { modal: true, detail }, 'Export')) === 'Export';
}

async function exportInteractive(dw: ExportServices): Promise<{ rows: number; data: string } | undefined> {
  const format = await vscode.window.showQuickPick(
    [
      { label: 'JSONL', description: 'raw records, one JSON object per line', value: 'jsonl' as ExportFormat },
      { label: 'CSV', description: 'one row per assistant edit with outcome, survival and findings', value: 'csv' as ExportFormat },
      { label: 'Agent Trace', description: 'one Agent Trace v0.1 record per assistant edit (AI attribution of line ranges)', value: 'agent-trace' as ExportFormat },
    ],
    { title: 'Export Driftwatch data (1/3): format', ignoreFocusOut: true },
  );
  if (!format) return undefined;
  const redact = await vscode.window.showQuickPick(
    [
      { label: 'No code', description: 'records without code text (paths kept)', value: 'noCode' as RedactionLevel },
      { label: 'Everything', description: 'as stored, with code text and paths', value: 'all' as RedactionLevel },
      // A trace record describes one edit: there is no aggregate Agent Trace.
      ...(format.value === 'agent-trace' ? [] : [{ label: 'Aggregates only', description: 'daily counters; no code, no paths', value: 'aggregate' as RedactionLevel }]),
    ],
    { title: 'Export Driftwatch data (2/3): redaction', ignoreFocusOut: true },
  );
  if (!redact) return undefined;
  const now = Date.now();
  const today = dayOf(now, localTzOffset(now));
  const range = await vscode.window.showQuickPick(
    [
      { label: 'All time', since: undefined },
      { label: 'Last 90 days', since: addDays(today, -89) },
      { label: 'Last 30 days', since: addDays(today, -29) },
      { label: 'Last 7 days', since: addDays(today, -6) },
    ],
    { title: 'Export Driftwatch data (3/3): range', ignoreFocusOut: true },
  );
  if (!range) return undefined;
  const statement = consentStatement(redact.value, dw.config.value['storage.codeLevel'] === 'all', format.value);
  if (!(await askConsent(dw, statement, undefined))) return undefined;
  const ext = format.value === 'csv' ? 'csv' : 'jsonl';
  const defaultFolder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(dw.context.globalStorageUri.fsPath);
  const target = await vscode.window.showSaveDialog({
    title: 'Export Driftwatch data',
    defaultUri: vscode.Uri.joinPath(defaultFolder, `driftwatch-export-${today}-${redact.value}.${ext}`),
    filters: format.value === 'csv' ? { CSV: ['csv'] } : { 'JSON Lines': ['jsonl'] },
  });
  if (!target) return undefined;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Exporting Driftwatch data…' }, () =>
    write(dw, { format: format.value, redact: redact.value, ...(range.since ? { since: range.since } : {}) }, { method: 'dialog', statement, at: new Date().toISOString() }, target),
  );
  if (result) {
    void vscode.window.showInformationMessage(`Exported ${result.rows} row(s) to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then((c) => {
      if (c === 'Open') void vscode.commands.executeCommand('vscode.open', target);
    });
  }
  return result;
}

async function write(
  dw: ExportServices,
  o: { format: ExportFormat; redact: RedactionLevel; since?: string; until?: string },
  consent: ExportConsent,
  target: vscode.Uri,
): Promise<{ rows: number; data: string }> {
  const options: ExportOptions = { ...o, consent, toolVersion: String(dw.context.extension.packageJSON.version ?? '0.0.0') };
  const started = Date.now();
  const meta = await dw.platform.writeExport(dw.store, options, target);
  dw.logger.info(`export: ${meta.counts.rows} row(s), ${o.format}, redaction ${o.redact}, to ${target.toString(true)} in ${Date.now() - started} ms`);
  return { rows: meta.counts.rows, data: target.toString() };
}
