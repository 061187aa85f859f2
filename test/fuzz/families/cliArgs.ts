/** CLI arguments: random argument lists for `export` and `report` over a small damaged store. Exit 0/1/2, never a throw. */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as fc from 'fast-check';
import { runCli } from '../../support/runCli.js';
import type { FuzzFamily } from '../registry.js';
import { recordWithId } from './records.js';

let root = '';
const store = (): string => path.join(root, 'store');

const token = fc.oneof(
  fc.constantFrom('--store', '--format', '--redact', '--since', '--until', '--out', '--force', '--range', '--today', '--assistant', '--min-samples', '--recent-days', '--baseline-days', '-h', '--help', '--'),
  fc.constantFrom('jsonl', 'csv', 'json', 'text', 'xml', 'all', 'noCode', 'aggregate', '7d', '30d', 'all', '5y', '2026-11-18', '2026-13-45', '0', '-3', '1e9', 'copilot'),
  fc.constant('@STORE'),
  fc.constant('@OUT'),
  fc.string({ maxLength: 12 }).filter((s) => !s.includes('/') && !s.startsWith('.')),
);

export const cliArgs: FuzzFamily<{ command: string; args: string[] }> = {
  name: 'cli.args',
  runs: 300,
  arbitrary: fc.record({ command: fc.constantFrom('export', 'report', 'help', '--version', 'bogus'), args: fc.array(token, { maxLength: 8 }) }),
  async setup() {
    root = await mkdtemp(path.join(os.tmpdir(), 'dw-fuzz-cli-'));
    await mkdir(path.join(store(), 'events'), { recursive: true });
    const lines = Array.from({ length: 20 }, (_, i) => JSON.stringify(recordWithId(`c${i}`, i * 50, i)));
    lines.splice(5, 0, '{"schema":1,"id":"torn","ki');
    await writeFile(path.join(store(), 'events', '2026-11-18.jsonl'), lines.join('\n') + '\n');
  },
  async teardown() {
    await rm(root, { recursive: true, force: true });
  },
  async check({ command, args }) {
    // Without --store the CLI would look for the user's real store: always point it at the fixture.
    const argv = [command, '--store', store(), ...args.map((a) => (a === '@STORE' ? store() : a === '@OUT' ? path.join(root, 'out', 'x.csv') : a))];
    const r = await runCli(argv);
    assert.ok([0, 1, 2].includes(r.code), `exit ${r.code}`);
    if (r.code !== 0) {
      assert.ok(r.err.trim().length > 0, 'a failure says why');
      assert.doesNotMatch(r.err, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace reaches the user');
    }
  },
};
