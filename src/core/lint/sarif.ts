/**
 * SARIF 2.1.0 output for lint results (`driftwatch lint --format sarif`, and exports of findings). Pure: callers
 * pass artifact URIs already made relative to the root they name in `rootUri`.
 */
import type { Severity } from '../schema/events.js';
import type { Finding } from './rule.js';
import { allRuleMeta, type RuleMeta } from './ruleCatalog.js';

export interface SarifArtifact {
  /** URI reference of the file relative to `rootUri` (forward slashes, percent-encoded where needed). */
  readonly uri: string;
  readonly findings: readonly Finding[];
}

export interface SarifNotification {
  readonly uri: string;
  readonly message: string;
}

export interface SarifOptions {
  readonly toolVersion: string;
  /** Absolute `file://` URI of the folder artifact URIs are relative to (ends with `/`). */
  readonly rootUri?: string;
  /** Rule ids that ran (default: every catalogued rule). */
  readonly ruleIds?: readonly string[];
  /** Files that were skipped or failed, reported as tool notifications. */
  readonly notifications?: readonly SarifNotification[];
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function pascal(id: string): string {
  return id
    .split(/[.-]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

function ruleDescriptor(meta: RuleMeta): Record<string, unknown> {
  return {
    id: meta.id,
    name: pascal(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.summary },
    help: {
      text: `${meta.summary} ${meta.why} Documentation: ${meta.docPath}`,
      markdown: `${meta.summary}\n\n${meta.why}\n\nSee [${meta.docPath}](${meta.docPath}).`,
    },
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: [meta.family], 'driftwatch/docPath': meta.docPath },
  };
}

/** Builds a SARIF 2.1.0 log with one run. Regions are 1-based lines and UTF-16 columns, as SARIF expects. */
export function toSarif(artifacts: readonly SarifArtifact[], options: SarifOptions): Record<string, unknown> {
  const metas = allRuleMeta().filter((m) => !options.ruleIds || options.ruleIds.includes(m.id));
  const index = new Map(metas.map((m, i) => [m.id, i]));
  const base = options.rootUri ? { uriBaseId: 'SRCROOT' } : {};
  const results: Record<string, unknown>[] = [];
  for (const a of artifacts) {
    for (const f of a.findings) {
      const ruleIndex = index.get(f.ruleId);
      results.push({
        ruleId: f.ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: LEVEL[f.severity],
        message: { text: `${f.message}. ${f.hint}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: a.uri, ...base },
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  }
  const run: Record<string, unknown> = {
    tool: { driver: { name: 'Driftwatch', semanticVersion: options.toolVersion, version: options.toolVersion, rules: metas.map(ruleDescriptor) } },
    columnKind: 'utf16CodeUnits',
    results,
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: (options.notifications ?? []).map((n) => ({
          level: 'note',
          message: { text: n.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: n.uri, ...base } } }],
        })),
      },
    ],
  };
  if (options.rootUri) run['originalUriBaseIds'] = { SRCROOT: { uri: options.rootUri } };
  return { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
}
