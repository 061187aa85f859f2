import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readConfig, SettingsSchema } from '../../../src/core/config/settings.js';

describe('settings', () => {
  it('uses defaults when nothing is set', () => {
    const warnings: string[] = [];
    const c = readConfig(() => undefined, (m) => warnings.push(m));
    assert.equal(c['capture.enabled'], true);
    assert.equal(c['storage.codeLevel'], 'all');
    assert.equal(c['storage.retentionDays'], 365);
    assert.deepEqual(warnings, []);
  });

  it('falls back to the default with one warning naming the setting for each invalid value', () => {
    const values: Record<string, unknown> = { 'storage.codeLevel': 'everything', 'storage.retentionDays': -3, 'capture.enabled': 'yes', 'drift.recentDays': 14 };
    const warnings: string[] = [];
    const c = readConfig((k) => values[k], (m) => warnings.push(m));
    assert.equal(c['storage.codeLevel'], 'all');
    assert.equal(c['storage.retentionDays'], 365);
    assert.equal(c['capture.enabled'], true);
    assert.equal(c['drift.recentDays'], 14, 'valid values are kept');
    assert.equal(warnings.length, 3);
    assert.match(warnings.join('\n'), /driftwatch\.storage\.codeLevel has an invalid value "everything"; using "all"/);
  });

  it('declares every setting in package.json with scope, description and order', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { scope?: string; markdownDescription?: string; order?: number }> }[] };
    };
    const declared = Object.assign({}, ...pkg.contributes.configuration.map((g) => g.properties)) as Record<string, { scope?: string; markdownDescription?: string; order?: number }>;
    for (const key of Object.keys(SettingsSchema)) {
      const d = declared[`driftwatch.${key}`];
      assert.ok(d, `driftwatch.${key} is missing from package.json`);
      assert.ok(d.scope && d.markdownDescription && d.order !== undefined, `driftwatch.${key} needs scope, markdownDescription and order`);
    }
  });
});
