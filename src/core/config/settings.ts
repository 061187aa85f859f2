/**
 * The settings schema (`driftwatch.*`) and its validation, pure so it is unit-tested in Node. Every key here has a
 * matching entry in package.json `contributes.configuration`. An invalid value falls back to its default with one
 * warning naming the setting, so a typo in settings.json never breaks capture.
 */
import { DRIFT_DEFAULTS, DRIFT_WATCH } from '../drift/driftDefaults.js';
import * as z from 'zod';
import { MIN_K } from '../team/teamWire.js';

export const SettingsSchema = {
  'capture.enabled': z.boolean().default(true),
  'capture.maxFileSizeKb': z.number().int().min(16).max(65_536).default(1024),
  'capture.assistantExtensions': z.record(z.string().regex(/^[\w.-]+\.[\w.-]+$/), z.string().min(1).max(64)).default({}),
  'capture.observeInlineAccept': z.boolean().default(true),
  'capture.useEditSources': z.boolean().default(true),
  'storage.codeLevel': z.enum(['all', 'noCode']).default('all'),
  'storage.retentionDays': z.number().int().min(0).max(36_500).default(365),
  'lint.problems': z.enum(['off', 'assistantRegions', 'wholeFile']).default('assistantRegions'),
  'statusBar.enabled': z.boolean().default(true),
  'otlp.enabled': z.boolean().default(false),
  'otlp.port': z.number().int().min(0).max(65_535).default(0),
  'drift.alerts': z.boolean().default(true),
  'welcome.onFirstStart': z.boolean().default(true),
  'drift.recentDays': z.number().int().min(1).max(90).default(DRIFT_DEFAULTS.recentDays),
  'drift.baselineDays': z.number().int().min(7).max(365).default(DRIFT_DEFAULTS.baselineDays),
  'drift.minSamples': z.number().int().min(5).max(10_000).default(DRIFT_DEFAULTS.minSamples),
  'drift.watch': z.enum(DRIFT_WATCH).default('all'),
  'score.weights': z
    .object({ lint: z.number().min(0).max(100), diagnostics: z.number().min(0).max(100), survival: z.number().min(0).max(100), fixes: z.number().min(0).max(100) })
    .refine((w) => w.lint + w.diagnostics + w.survival + w.fixes > 0, 'at least one weight must be positive')
    .default({ lint: 0.4, diagnostics: 0.2, survival: 0.25, fixes: 0.15 }),
  'upload.enabled': z.boolean().default(false),
  'upload.endpoint': z.string().max(2048).default(''),
  'upload.teamId': z.string().regex(/^[\w.-]{0,64}$/).default(''),
  // k can only be raised: a value below MIN_K is invalid and falls back to the default.
  'upload.k': z.number().int().min(MIN_K).max(100_000).default(MIN_K),
  'upload.format': z.enum(['json', 'protobuf']).default('json'),
} as const;

/**
 * Window-scoped settings that shape the numbers (what counts as an assistant edit, how edits are scored, when drift
 * is alerted). A repository's `.vscode/settings.json` must not change them until the user trusts the workspace:
 * package.json lists them in `capabilities.untrustedWorkspaces.restrictedConfigurations`, and the host config ignores
 * their workspace values while untrusted (VS Code does too; this does not depend on it).
 */
export const RESTRICTED_IN_UNTRUSTED_WORKSPACES = [
  'capture.enabled',
  'capture.maxFileSizeKb',
  'capture.assistantExtensions',
  'capture.observeInlineAccept',
  'score.weights',
  'drift.alerts',
  'drift.recentDays',
  'drift.baselineDays',
  'drift.minSamples',
  'drift.watch',
] as const satisfies readonly (keyof typeof SettingsSchema)[];

/** The layers of one setting, as `WorkspaceConfiguration#inspect` reports them. */
export interface SettingLayers {
  defaultValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

/** The effective value of a setting: workspace layers win, except for restricted settings in an untrusted workspace. */
export function effectiveValue(key: string, layers: SettingLayers | undefined, trusted: boolean): { value: unknown; ignoredWorkspaceValue: boolean } {
  if (!layers) return { value: undefined, ignoredWorkspaceValue: false };
  const restricted = !trusted && (RESTRICTED_IN_UNTRUSTED_WORKSPACES as readonly string[]).includes(key);
  const fromWorkspace = layers.workspaceFolderValue !== undefined ? layers.workspaceFolderValue : layers.workspaceValue;
  if (fromWorkspace !== undefined && !restricted) return { value: fromWorkspace, ignoredWorkspaceValue: false };
  return { value: layers.globalValue !== undefined ? layers.globalValue : layers.defaultValue, ignoredWorkspaceValue: fromWorkspace !== undefined };
}

type SchemaMap = typeof SettingsSchema;
export type DriftwatchConfig = { readonly [K in keyof SchemaMap]: z.output<SchemaMap[K]> };
export type ConfigKey = keyof SchemaMap;

/** Reads and validates every setting through `get` (e.g. a WorkspaceConfiguration's `get`). */
export function readConfig(get: (key: string) => unknown, warn: (message: string) => void): DriftwatchConfig {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(SettingsSchema) as [ConfigKey, z.ZodType][]) {
    const raw = get(key);
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      out[key] = parsed.data;
    } else {
      const fallback = schema.parse(undefined);
      warn(`setting driftwatch.${key} has an invalid value ${JSON.stringify(raw)}; using ${JSON.stringify(fallback)}`);
      out[key] = fallback;
    }
  }
  return out as DriftwatchConfig;
}
