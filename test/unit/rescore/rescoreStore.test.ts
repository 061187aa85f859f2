import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildPanelData } from '../../../src/core/panel/buildPanelData.js';
import { ALL_RULES } from '../../../src/core/lint/registry.js';
import { ruleSetId, ruleSetRevision, LEGACY_RULE_SET, RULE_SET_REVISION } from '../../../src/core/lint/ruleSet.js';
import { daysToRescore, noteRuleSet, rescoreStore } from '../../../src/core/rescore/rescoreStore.js';
import { dedent, needsRescore, rescoreId, type SnippetLinter } from '../../../src/core/rescore/rescoreEdit.js';
import { EventStore, type StoreBackend } from '../../../src/core/store/eventStore.js';
import type { DailyRollup } from '../../../src/core/store/rollup.js';
import { dayOf } from '../../../src/core/time/day.js';
import { ManualClock } from '../../../src/core/util/clock.js';
import { JsonlBackend } from '../../../src/node/jsonlBackend.js';
import { linter } from '../lint/lintHarness.js';
import { rescoreHistory, SNIPPET, SNIPPET_FINDINGS } from '../../support/rescoreHistory.js';

const START = Date.UTC(2026, 9, 1);
const DAYS = 6;
const PER_DAY = 4;
const CHANGE = 3;
const current = (): string => linter().ruleSet;
const lint: SnippetLinter = async (text, language) => (await linter().lintText(text, language)).findings;

/** Findings per 100 lines and rule sets per day, as the panel computes them. */
function trend(store: EventStore): { findings: (number | null)[]; days: string[] } {
  const today = dayOf(START + (DAYS - 1) * 86_400_000, 0);
  const d = buildPanelData({ rollups: store.rollups(), query: { range: 'all', granularity: 'day' }, today });
  return { findings: d.series.findingsPer100, days: d.series.buckets };
}

/** Every stored `rescore` line, by record id. */
async function rescoreLines(dir: string): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const f of await readdir(path.join(dir, 'events'))) {
    for (const line of (await readFile(path.join(dir, 'events', f), 'utf8')).split('\n')) {
      if (!line.includes('"kind":"rescore"')) continue;
      try {
        const id = (JSON.parse(line) as { id: string }).id;
        ids.set(id, (ids.get(id) ?? 0) + 1);
      } catch {
        // a line cut short by the simulated kill
      }
    }
  }
  return ids;
}

async function seeded(dir: string, withText: boolean, backend: StoreBackend = new JsonlBackend(dir)): Promise<EventStore> {
  const store = await EventStore.open(backend, { refreshIntervalMs: 0 });
  store.append(rescoreHistory({ start: START, days: DAYS, editsPerDay: PER_DAY, changeDay: CHANGE, currentRuleSet: current(), withText }));
  await store.flush();
  return store;
}

describe('rule-set version', () => {
  it('is stable for one rule list and changes when a rule is added, dropped or its languages change', () => {
    const id = ruleSetId(ALL_RULES);
    assert.match(id, /^\d+\.[0-9a-f]{8}$/);
    assert.equal(ruleSetId([...ALL_RULES].reverse()), id, 'order of registration does not matter');
    assert.equal(linter().ruleSet, id, 'the engine tags with the id of its own rules');
    assert.notEqual(ruleSetId(ALL_RULES.slice(1)), id);
    const [first, ...rest] = ALL_RULES;
    assert.notEqual(ruleSetId([{ ...first!, languages: ['python'] }, ...rest]), ruleSetId([{ ...first!, languages: ['typescript'] }, ...rest]));
    assert.notEqual(ruleSetId(ALL_RULES, RULE_SET_REVISION + 1), id, 'the hand-bumped revision is part of the id');
  });

  it('orders rule sets by revision: re-scoring only moves forward', () => {
    assert.equal(ruleSetRevision(LEGACY_RULE_SET), 0);
    assert.equal(needsRescore(LEGACY_RULE_SET, '1.aaaaaaaa'), true);
    assert.equal(needsRescore('1.aaaaaaaa', '1.bbbbbbbb'), true);
    assert.equal(needsRescore('2.aaaaaaaa', '1.bbbbbbbb'), false, 'an older build never re-scores a newer one');
    assert.equal(needsRescore('1.aaaaaaaa', '1.aaaaaaaa'), false);
    assert.equal(rescoreId('e1', '1.aaaaaaaa'), rescoreId('e1', '1.aaaaaaaa'));
    assert.notEqual(rescoreId('e1', '1.aaaaaaaa'), rescoreId('e1', '1.bbbbbbbb'));
  });

  it('dedents Python cut out of a class so it parses, keeping line numbers', () => {
    assert.equal(dedent('    def f(self):\n        return 1\n\n'), 'def f(self):\n    return 1\n\n');
    assert.equal(dedent('x = 1\n  y'), 'x = 1\n  y');
  });

  it('the fixture states what the current rules really find in its snippet', async () => {
    const found = (await lint(SNIPPET, 'python')).map((f) => `${f.ruleId}@${(f as { range?: { start: { line: number } } }).range?.start.line}`);
    assert.deepEqual(found, SNIPPET_FINDINGS.map((f) => `${f.ruleId}@${f.line}`));
  });
});

describe('background re-scoring', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dw-rescore-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('re-lints stored text so every day is scored by the same rules: a rule change leaves the trend flat', async () => {
    const store = await seeded(dir, true);
    const before = trend(store).findings;
    assert.deepEqual(before.slice(0, CHANGE), [0, 0, 0], 'the old rules found nothing');
    assert.ok(before.slice(CHANGE).every((v) => v !== null && v > 0), 'the current rules find the string concatenation');
    assert.deepEqual(daysToRescore(store.rollups(), current()).length, CHANGE);

    const summary = await rescoreStore({ store, ruleSet: current(), lint });
    assert.equal(summary.rescored, CHANGE * PER_DAY);
    assert.equal(summary.noText, 0);
    const after = trend(store).findings;
    assert.deepEqual(after, new Array(DAYS).fill(before[CHANGE]), 'flat: same code, same rules, same number');
    for (const r of store.rollups()) assert.deepEqual(r.ruleSets, { [current()]: PER_DAY }, r.day);
    const scores = store.rollups().map((r) => Object.values(r.buckets).reduce((s, b) => s + b.scores.sum, 0) / PER_DAY);
    assert.ok(scores.every((s) => Math.abs(s - scores[DAYS - 1]!) < 1e-9), `scores flat: ${scores.join(', ')}`);
    assert.deepEqual(daysToRescore(store.rollups(), current()), []);
    await store.dispose();

    // The same numbers when the rollups are rebuilt from the raw records alone (any read order).
    await rm(path.join(dir, 'rollups'), { recursive: true, force: true });
    const reopened = await EventStore.open(new JsonlBackend(dir), { refreshIntervalMs: 0 });
    assert.deepEqual(trend(reopened).findings, after);
    assert.deepEqual(reopened.rollups().map((r) => r.ruleSets), store.rollups().map((r) => r.ruleSets));
    await reopened.dispose();
  });

  it('resumes after being killed mid-write and never counts an edit twice', async () => {
    // A writer that dies half-way through the second day's re-scores: half the lines reach the disk, the last one cut.
    const inner = new JsonlBackend(dir, { writerId: 'killed' });
    let rescoreAppends = 0;
    let dead = false;
    const dying: StoreBackend = Object.create(inner) as StoreBackend;
    dying.appendLines = async (day, lines) => {
      if (dead) throw new Error('process killed');
      if (lines.some((l) => l.includes('"kind":"rescore"')) && ++rescoreAppends === 2) {
        dead = true;
        const half = lines.slice(0, Math.ceil(lines.length / 2));
        await inner.appendLines(day, [...half.slice(0, -1), half[half.length - 1]!.slice(0, 40)]);
        throw new Error('process killed');
      }
      return inner.appendLines(day, lines);
    };
    const first = await EventStore.open(dying, { refreshIntervalMs: 0, clock: new ManualClock(START) });
    first.append(rescoreHistory({ start: START, days: DAYS, editsPerDay: PER_DAY, changeDay: CHANGE, currentRuleSet: current(), withText: true }));
    await first.flush();
    await rescoreStore({ store: first, ruleSet: current(), lint });
    assert.ok(dead, 'the kill happened');
    // The killed process is gone: its buffer is lost, its timers never fire (manual clock). A new window opens.
    const second = await EventStore.open(new JsonlBackend(dir), { refreshIntervalMs: 0 });
    const left = daysToRescore(second.rollups(), current());
    assert.ok(left.length >= 1 && left.length < CHANGE, `some days were done before the kill, some not: ${left.join(', ')}`);
    const resumed = await rescoreStore({ store: second, ruleSet: current(), lint });
    assert.ok(resumed.rescored > 0 && resumed.rescored < CHANGE * PER_DAY, `only the rest is re-done (${resumed.rescored})`);
    // Run again (as a second window would): nothing left, nothing written.
    const again = await rescoreStore({ store: second, ruleSet: current(), lint });
    assert.equal(again.edits, 0);
    await second.flush();
    for (const r of second.rollups()) {
      assert.deepEqual(r.ruleSets, { [current()]: PER_DAY }, `${r.day} counts each edit once, under the new rules`);
      const open = Object.values(r.buckets).reduce((s, b) => s + (b.findings['loop.string-concat-in-loop']?.open ?? 0), 0);
      assert.equal(open, PER_DAY, `${r.day} findings counted once`);
    }
    const lines = await rescoreLines(dir);
    assert.equal(lines.size, CHANGE * PER_DAY, 'one re-score id per edit');
    await second.dispose();
  });

  it('breaks the series at the change where the text was not stored (noCode) instead of re-scoring', async () => {
    const store = await seeded(dir, false);
    const summary = await rescoreStore({ store, ruleSet: current(), lint });
    assert.equal(summary.rescored, 0);
    assert.equal(summary.noText, CHANGE * PER_DAY);
    const rollups: DailyRollup[] = store.rollups();
    assert.deepEqual(rollups.slice(0, CHANGE).map((r) => r.ruleSets), new Array(CHANGE).fill({ [LEGACY_RULE_SET]: PER_DAY }), 'old days keep their old scoring');
    assert.deepEqual(daysToRescore(rollups, current()), [], 'and are not looked at again on the next start');
    const today = dayOf(START + (DAYS - 1) * 86_400_000, 0);
    const panel = buildPanelData({ rollups, query: { range: 'all', granularity: 'day' }, today });
    assert.deepEqual(panel.ruleSetBreaks, [dayOf(START + CHANGE * 86_400_000, 0)], 'the trend is broken at the change');
    await store.dispose();
  });

  it('a history already scored by the current rules is a first sighting: recorded, but no marker', async () => {
    const store = await EventStore.open(new JsonlBackend(dir), { refreshIntervalMs: 0 });
    store.append(rescoreHistory({ start: START, days: 2, editsPerDay: 2, changeDay: 0, currentRuleSet: current(), withText: true }));
    const noted = noteRuleSet(store, current(), START + 2 * 86_400_000 - 1000);
    assert.equal(noted?.kind === 'rule-set' && noted.previousRuleSet, undefined);
    const panel = buildPanelData({ rollups: store.rollups(), query: { range: 'all', granularity: 'day' }, today: dayOf(START + 86_400_000, 0) });
    assert.equal(panel.markers.filter((m) => m.kind === 'rules').length, 0);
    await store.dispose();
  });

  it('records a rule-set change once, only forwards, and marks it on the chart', async () => {
    const store = await seeded(dir, true);
    const noted = noteRuleSet(store, current(), START + DAYS * 86_400_000 - 1000);
    assert.equal(noted?.kind === 'rule-set' && noted.previousRuleSet, LEGACY_RULE_SET);
    await store.flush();
    assert.equal(noteRuleSet(store, current(), START + DAYS * 86_400_000), undefined, 'already recorded');
    assert.equal(noteRuleSet(store, '0.00000000', START + DAYS * 86_400_000), undefined, 'an older build does not record a step back');
    const today = dayOf(START + (DAYS - 1) * 86_400_000, 0);
    const panel = buildPanelData({ rollups: store.rollups(), query: { range: 'all', granularity: 'day' }, today });
    assert.deepEqual(panel.markers.filter((m) => m.kind === 'rules').length, 1);
    const marker = panel.markers.find((m) => m.kind === 'rules');
    assert.equal(marker?.day, today);
    assert.match(marker?.label ?? '', /rules/);
    await store.dispose();
  });
});
