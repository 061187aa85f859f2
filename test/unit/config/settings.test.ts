import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { effectiveValue, readConfig, RESTRICTED_IN_UNTRUSTED_WORKSPACES, SettingsSchema } from '../../../src/core/config/settings.js';

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
    const values: Record<string, unknown> = { 'storage.codeLevel': 'everything', 'storage.retentionDays': -3, 'capture.enabled': 'yes', 'drift.recentDays': 14, 'drift.watch': 'findings' };
    const warnings: string[] = [];
    const c = readConfig((k) => values[k], (m) => warnings.push(m));
    assert.equal(c['storage.codeLevel'], 'all');
    assert.equal(c['storage.retentionDays'], 365);
    assert.equal(c['capture.enabled'], true);
    assert.equal(c['drift.recentDays'], 14, 'valid values are kept');
    assert.equal(c['drift.watch'], 'findings');
    assert.equal(readConfig((k) => (k === 'drift.watch' ? 'loops' : undefined), () => undefined)['drift.watch'], 'all');
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

describe('settings in untrusted workspaces', () => {
  it('ignores the workspace value of every number-shaping setting until the workspace is trusted', () => {
    const layers = { defaultValue: 7, globalValue: 10, workspaceValue: 1 };
    assert.deepEqual(effectiveValue('drift.recentDays', layers, false), { value: 10, ignoredWorkspaceValue: true });
    assert.deepEqual(effectiveValue('drift.recentDays', layers, true), { value: 1, ignoredWorkspaceValue: false });
    assert.deepEqual(effectiveValue('score.weights', { defaultValue: { lint: 1 }, workspaceFolderValue: { lint: 99 } }, false), { value: { lint: 1 }, ignoredWorkspaceValue: true });
    // A setting that shapes nothing keeps its workspace value.
    assert.deepEqual(effectiveValue('lint.problems', { defaultValue: 'assistantRegions', workspaceValue: 'off' }, false), { value: 'off', ignoredWorkspaceValue: false });
  });

  it('package.json restricts exactly the settings the config module restricts, all window-scoped', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations: string[] } };
      contributes: { configuration: { properties: Record<string, { scope?: string }> } | { properties: Record<string, { scope?: string }> }[] };
    };
    const restricted = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual([...restricted].sort(), RESTRICTED_IN_UNTRUSTED_WORKSPACES.map((k) => `driftwatch.${k}`).sort());
    const props = Object.assign({}, ...[pkg.contributes.configuration].flat().map((c) => c.properties)) as Record<string, { scope?: string }>;
    for (const key of ['assistantExtensions', 'weights', 'recentDays', 'baselineDays', 'minSamples'].map((k) => restricted.find((r) => r.endsWith(`.${k}`)))) {
      assert.ok(key, 'the number-shaping settings named in issue 12 are restricted');
      assert.equal(props[key]?.scope, 'window', `${key} is window-scoped (a workspace can set it)`);
    }
  });
});
