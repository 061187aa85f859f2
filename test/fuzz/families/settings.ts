/** Settings: any value for any key. Every invalid one falls back with exactly one warning naming it. */
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { readConfig, SettingsSchema } from '../../../src/core/config/settings.js';
import type { FuzzFamily } from '../registry.js';

const KEYS = Object.keys(SettingsSchema);

export const settings: FuzzFamily<Record<string, unknown>> = {
  name: 'config.settings',
  runs: 1500,
  arbitrary: fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(fc.anything({ maxDepth: 3 }), fc.integer(), fc.double(), fc.constantFrom('all', 'noCode', 'off', true, false, null)), { maxKeys: KEYS.length }),
  check(values) {
    const warnings: string[] = [];
    const config = readConfig((k) => values[k], (m) => warnings.push(m));
    for (const key of KEYS) {
      const schema = SettingsSchema[key as keyof typeof SettingsSchema];
      const ok = schema.safeParse(values[key]).success;
      const named = warnings.filter((w) => w.startsWith(`setting driftwatch.${key} `));
      assert.equal(named.length, ok ? 0 : 1, `${key}: ${JSON.stringify(values[key])}`);
      assert.ok(schema.safeParse((config as Record<string, unknown>)[key]).success, `${key} is valid after reading`);
    }
    assert.equal(warnings.length, KEYS.filter((k) => !SettingsSchema[k as keyof typeof SettingsSchema].safeParse(values[k]).success).length);
  },
};
