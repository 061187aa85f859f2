/**
 * Typed configuration. Settings are read once per change, parsed with zod; an invalid value falls back to its default
 * with one warning naming the setting, so a typo in settings.json never breaks capture.
 */
import * as vscode from 'vscode';
import { z } from 'zod';
import type { Logger } from './logger.js';

const Schema = {
  'capture.enabled': z.boolean().default(true),
  'storage.codeLevel': z.enum(['all', 'noCode']).default('all'),
  'storage.retentionDays': z.number().int().min(0).max(36_500).default(365),
  'lint.problems': z.enum(['off', 'assistantRegions', 'wholeFile']).default('assistantRegions'),
  'statusBar.enabled': z.boolean().default(true),
  'drift.alerts': z.boolean().default(true),
  'drift.recentDays': z.number().int().min(1).max(90).default(7),
  'drift.baselineDays': z.number().int().min(7).max(365).default(28),
  'drift.minSamples': z.number().int().min(5).max(10_000).default(20),
  'score.weights': z
    .object({ lint: z.number().min(0).max(100), diagnostics: z.number().min(0).max(100), survival: z.number().min(0).max(100), fixes: z.number().min(0).max(100) })
    .refine((w) => w.lint + w.diagnostics + w.survival + w.fixes > 0, 'at least one weight must be positive')
    .default({ lint: 0.4, diagnostics: 0.2, survival: 0.25, fixes: 0.15 }),
} as const;

type SchemaMap = typeof Schema;
export type DriftwatchConfig = { readonly [K in keyof SchemaMap]: z.output<SchemaMap[K]> };
export type ConfigKey = keyof SchemaMap;

/** Reads and validates every setting. Exported for tests. */
export function readConfig(get: (key: string) => unknown, warn: (message: string) => void): DriftwatchConfig {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(Schema) as [ConfigKey, z.ZodType][]) {
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

export class ConfigService implements vscode.Disposable {
  private current: DriftwatchConfig;
  private readonly emitter = new vscode.EventEmitter<{ affects(key: ConfigKey): boolean }>();
  private readonly subscription: vscode.Disposable;
  /** Fires after settings under `driftwatch.` changed, with a predicate telling which. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly logger: Logger) {
    this.current = this.load();
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('driftwatch')) return;
      this.current = this.load();
      this.emitter.fire({ affects: (key) => e.affectsConfiguration(`driftwatch.${key}`) });
    });
  }

  get value(): DriftwatchConfig {
    return this.current;
  }

  private load(): DriftwatchConfig {
    const section = vscode.workspace.getConfiguration('driftwatch');
    return readConfig((k) => section.get(k), (m) => this.logger.warn(m));
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
