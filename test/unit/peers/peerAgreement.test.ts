// The differential harness's matching and scoring (scripts/lib/peerAgreement.mjs): the peers themselves are slow and
// run only in `npm run eval:peers`, but how their findings become agreement counts and P/R is checked here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleMeta } from '../../../src/core/lint/ruleCatalog.js';
import { repoRoot } from '../lint/lintHarness.js';
import {
  buildSites,
  scoreLabels,
  summariseRows,
  summariseSites,
  precisionRecall,
  type MappingRow,
  type Label,
} from '../../../scripts/lib/peerAgreement.mjs';

const rows: MappingRow[] = [
  { peer: 'pylint', rule: 'cell-var-from-loop', driftwatch: 'loop.closure-captures-loop-var', languages: ['python'], scope: 'same', window: 3, note: '' },
  { peer: 'ruff', rule: 'function-uses-loop-variable', driftwatch: 'loop.closure-captures-loop-var', languages: ['python'], scope: 'same', window: 3, note: '' },
  { peer: 'eslint', rule: 'no-await-in-loop', driftwatch: 'loop.await-in-loop', languages: ['typescript', 'javascript'], scope: 'wider', window: 0, note: '' },
  { peer: 'eslint', rule: 'unicorn/prefer-array-flat-map', driftwatch: 'loop.unnecessary-materialization', languages: [], scope: 'overlap', note: '' },
];
const peersRun = new Set(['pylint\tpython', 'ruff\tpython', 'eslint\ttypescript']);

describe('peer agreement (differential harness)', () => {
  it('joins a peer finding and a Driftwatch finding within the row window into one "both" site, and two peers into it too', () => {
    const { sites } = buildSites({
      rows,
      peersRun,
      peerFindings: [
        { tool: 'pylint', rule: 'cell-var-from-loop', file: 'a.py', line: 12, language: 'python' },
        { tool: 'ruff', rule: 'function-uses-loop-variable', file: 'a.py', line: 12, language: 'python' },
      ],
      dwFindings: [{ rule: 'loop.closure-captures-loop-var', file: 'a.py', line: 10, language: 'python' }],
    });
    assert.equal(sites.length, 1);
    assert.equal(sites[0]!.kind, 'both');
    assert.equal(sites[0]!.line, 10, 'the site is placed at the Driftwatch line');
    assert.deepEqual(sites[0]!.peers.sort(), ['pylint:cell-var-from-loop', 'ruff:function-uses-loop-variable']);
  });

  it('keeps findings further apart than the window, in another file or of another rule apart', () => {
    const { sites } = buildSites({
      rows,
      peersRun,
      peerFindings: [
        { tool: 'eslint', rule: 'no-await-in-loop', file: 'a.ts', line: 5, language: 'typescript' },
        { tool: 'eslint', rule: 'no-await-in-loop', file: 'b.ts', line: 9, language: 'typescriptreact' },
      ],
      dwFindings: [
        { rule: 'loop.await-in-loop', file: 'a.ts', line: 6, language: 'typescript' },
        { rule: 'loop.await-in-loop', file: 'b.ts', line: 9, language: 'typescript' },
        { rule: 'loop.await-in-loop', file: 'b.ts', line: 9, language: 'typescript' },
      ],
    });
    const summary = summariseSites(sites).get('typescript\tloop.await-in-loop');
    // a.ts: window 0, so lines 5 and 6 are two sites; b.ts: the peer finding joins both Driftwatch findings on its line
    // into one site (a site is everything within a peer finding's window).
    assert.deepEqual(summary, { both: 1, peerOnly: 1, dwOnly: 1 });
    assert.deepEqual(summariseRows(sites).get('eslint:no-await-in-loop\ttypescript'), { hits: 2, matched: 1 });
  });

  it('ignores Driftwatch findings no peer that ran can speak to, and peer rules with no mapping for the language', () => {
    const { sites, unmappedPeer } = buildSites({
      rows,
      peersRun,
      peerFindings: [
        { tool: 'eslint', rule: 'no-await-in-loop', file: 'c.py', line: 1, language: 'python' },
        { tool: 'eslint', rule: 'unicorn/prefer-array-flat-map', file: 'c.ts', line: 1, language: 'typescript' },
      ],
      dwFindings: [
        { rule: 'loop.await-in-loop', file: 'c.js', line: 3, language: 'javascript' }, // eslint did not run on JS
        { rule: 'oop.god-class', file: 'c.py', line: 3, language: 'python' }, // no mapped peer rule
      ],
    });
    assert.equal(sites.length, 0);
    assert.equal(unmappedPeer, 2);
  });

  it('scores labels against the current Driftwatch findings: flagged true cases are TP, flagged false ones FP', () => {
    const labels: Label[] = [
      { file: 'a.py', line: 10, rule: 'loop.try-in-loop', verdict: 'tp', language: 'python', by: 'ruff' },
      { file: 'a.py', line: 20, rule: 'loop.try-in-loop', verdict: 'tp', language: 'python', by: 'ruff' },
      { file: 'a.py', line: 30, rule: 'loop.try-in-loop', verdict: 'fp', language: 'python', by: 'driftwatch' },
      { file: 'b.ts', line: 4, rule: 'oop.static-only-class', verdict: 'fp', language: 'typescript', by: 'eslint' },
    ];
    const dw = new Map([
      ['a.py', [{ rule: 'loop.try-in-loop', line: 11 }, { rule: 'loop.try-in-loop', line: 30 }, { rule: 'oop.god-class', line: 20 }]],
    ]);
    const { perGroup, cases } = scoreLabels(labels, dw);
    assert.deepEqual(perGroup.get('python loop'), { tp: 1, fp: 1, fn: 1, tn: 0 });
    assert.deepEqual(perGroup.get('typescript oop'), { tp: 0, fp: 0, fn: 0, tn: 1 });
    assert.deepEqual(
      cases.map((c) => c.outcome),
      ['tp', 'fn', 'fp', 'tn'],
    );
    assert.deepEqual(precisionRecall(perGroup.get('python loop')!), { precision: 0.5, recall: 0.5 });
    assert.ok(Number.isNaN(precisionRecall(perGroup.get('typescript oop')!).precision));
  });

  it('the repository mapping table only maps to rules that exist, with a known scope', () => {
    const table = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'peers', 'mapping.json'), 'utf8')) as { rows: MappingRow[] };
    for (const row of table.rows) {
      assert.ok(['same', 'narrower', 'wider', 'overlap'].includes(row.scope), `${row.peer} ${row.rule}: scope ${row.scope}`);
      assert.ok(ruleMeta(row.driftwatch), `${row.peer} ${row.rule} maps to unknown rule ${row.driftwatch}`);
      for (const l of row.languages) assert.ok(['python', 'typescript', 'javascript'].includes(l), `${row.rule}: language ${l}`);
    }
  });
});
