import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ATTR, METRIC } from '../../../src/core/team/teamWire.js';

describe('upload field declarations', () => {
  const telemetry = JSON.parse(readFileSync('telemetry.json', 'utf8')) as { events: Record<string, Record<string, unknown>> };
  const declared = new Set(Object.values(telemetry.events).flatMap((e) => Object.keys(e)));
  const readme = readFileSync('README.md', 'utf8');
  const privacy = readme.slice(readme.indexOf('## Privacy'), readme.indexOf('## Where your data is'));

  it('telemetry.json and the README privacy section name every metric and attribute the upload can send', () => {
    for (const name of [...Object.values(METRIC), ...Object.values(ATTR), 'service.name']) {
      assert.ok(declared.has(name), `telemetry.json declares ${name}`);
      assert.ok(privacy.includes(`\`${name}\``), `README privacy section lists ${name}`);
    }
  });

  it('declares nothing the wire contract does not define', () => {
    const known = new Set<string>([...Object.values(METRIC), ...Object.values(ATTR), 'service.name']);
    for (const name of declared) assert.ok(known.has(name), `${name} is part of the wire contract`);
  });
});
