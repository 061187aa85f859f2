import assert from 'node:assert/strict';
import { detectDrift, type DriftOptions } from '../../../src/core/drift/detectDrift.js';
import { buildEvidence, type EvidenceBundle } from '../../../src/core/evidence/evidenceBundle.js';
import { collectEvidenceCandidates, toEvidenceExample, type EvidenceCandidate } from '../../../src/core/evidence/evidenceExamples.js';
import { evidenceFiles, REPORT_JSON, REPORT_MARKDOWN } from '../../../src/core/evidence/evidenceFiles.js';
import { applyToRollups, type DailyRollup } from '../../../src/core/store/rollup.js';
import { addDays } from '../../../src/core/time/day.js';
import type { DriftEvent } from '../../../src/core/schema/events.js';
import { CANARY, CANARY_IDS, EVIDENCE_CHANGE_DAY, EVIDENCE_TODAY, evidenceHistory, SURGING_RULE } from '../../support/evidenceHistory.js';

const OPTIONS: DriftOptions = { today: EVIDENCE_TODAY, recentDays: 7, baselineDays: 28, minSamples: 20 };

describe('evidence bundle', () => {
  let records: DriftEvent[];
  let rollups: DailyRollup[];
  let bundle: EvidenceBundle;
  before(() => {
    records = evidenceHistory();
    const map = new Map<string, DailyRollup>();
    for (const e of records) applyToRollups(map, e);
    rollups = [...map.values()];
    bundle = buildEvidence({ assistant: 'claude-code', rollups, drift: OPTIONS, generatedAt: '2026-11-27T18:00:00.000Z', toolVersion: '9.9.9' });
  });

  it('states the drift plainly with the change point, the windows and the versions and models before/after', () => {
    assert.equal(bundle.drifted, true);
    assert.match(bundle.headline, /^claude-code's code has \d+(\.\d)?× more findings per line since 1\.0\.31$/);
    assert.ok(Math.abs(Date.parse(bundle.windows.changePoint) - Date.parse(EVIDENCE_CHANGE_DAY)) <= 86_400_000, `change point ${bundle.windows.changePoint} vs planted ${EVIDENCE_CHANGE_DAY}`);
    assert.equal(bundle.windows.before.until, addDays(bundle.windows.changePoint, -1));
    assert.equal(bundle.windows.after.until, EVIDENCE_TODAY);
    assert.equal(bundle.windows.before.since, addDays(EVIDENCE_TODAY, -34));
    assert.deepEqual(bundle.versions.before, ['1.0.30']);
    assert.deepEqual(bundle.versions.after, ['1.0.31']);
    assert.deepEqual([bundle.cause?.kind, bundle.cause?.from, bundle.cause?.to], ['version', '1.0.30', '1.0.31']);
    assert.deepEqual(Object.keys(bundle.models.before), ['claude-sonnet-4']);
    assert.ok(bundle.edits.before > 300 && bundle.edits.after > 50, JSON.stringify(bundle.edits));
    assert.equal(bundle.controls, 'Compared like with like: same language and edit size.');
  });

  it('reports each metric with the drift test\'s own effect size and 95% interval (one computation)', () => {
    const report = detectDrift(rollups, OPTIONS);
    const tests = report.tests.filter((t) => t.assistant === 'claude-code');
    assert.equal(bundle.metrics.length, tests.length);
    const findings = bundle.metrics[0]!;
    assert.equal(findings.metric, 'findings');
    assert.equal(findings.significant, true);
    assert.equal(findings.effect.name, 'rate-ratio');
    // The planted rise is 2× plus the surging rule's extra findings: clearly above 1.5, far below 10.
    assert.ok(findings.effect.value > 1.5 && findings.effect.value < 10, `rate ratio ${findings.effect.value}`);
    assert.ok(findings.effect.ci[0] > 1 && findings.effect.ci[0] < findings.effect.value && findings.effect.ci[1] > findings.effect.value, JSON.stringify(findings.effect));
    const same = tests.find((t) => t.metric === 'findings' && t.model === undefined)!;
    assert.deepEqual(findings.effect.ci, same.effect.ci);
    assert.equal(findings.before.value, same.baseline.value);
    assert.equal(findings.after.value, same.recent.value);
    assert.equal(findings.pAdjusted, same.pAdjusted);
    for (const m of bundle.metrics) assert.ok(m.effect.ci[0] <= m.effect.value && m.effect.value <= m.effect.ci[1], `${m.metric} CI brackets its value`);
    // Given the drift monitor's report of the same data, the bundle is the same (the editor reuses it).
    assert.deepEqual(buildEvidence({ assistant: 'claude-code', rollups, drift: OPTIONS, report, generatedAt: '2026-11-27T18:00:00.000Z', toolVersion: '9.9.9' }), bundle);
  });

  it('says when too few edits were made to test anything', () => {
    const thin = buildEvidence({ assistant: 'cursor', rollups, drift: { ...OPTIONS, minSamples: 100_000 }, generatedAt: '2026-11-27T18:00:00.000Z', toolVersion: '9.9.9' });
    assert.deepEqual(thin.metrics, []);
    assert.equal(thin.drifted, false);
    assert.match(evidenceFiles(thin).find((f) => f.path === REPORT_MARKDOWN)!.content, /Too few edits in the windows to test any metric\./);
  });

  it('ranks the planted surging rule first, with a stratified rate ratio above 1 and its docs', () => {
    const top = bundle.rules[0]!;
    assert.equal(top.ruleId, SURGING_RULE);
    assert.ok(top.rateRatio && top.rateRatio.ci[0] > 1.5, JSON.stringify(top.rateRatio));
    assert.ok(top.after.per100 > 2 * top.before.per100, JSON.stringify(top));
    assert.equal(top.docPath, `docs/rules/${SURGING_RULE}.md`);
    assert.match(top.title, /String concatenation/);
    assert.ok(bundle.rules.length > 1 && bundle.rules.length <= 10);
    for (const r of bundle.rules) assert.ok(r.after.per100 > r.before.per100, `${r.ruleId} rose`);
  });

  it('carries the panel\'s daily series for the whole analysis window and draws them as self-contained SVG', () => {
    assert.equal(bundle.series.days[0], bundle.windows.before.since);
    assert.equal(bundle.series.days.at(-1), EVIDENCE_TODAY);
    assert.equal(bundle.series.days.length, 35);
    const files = evidenceFiles(bundle);
    const svgs = files.filter((f) => f.path.endsWith('.svg'));
    assert.ok(svgs.length >= 4, svgs.map((f) => f.path).join());
    for (const s of svgs) {
      assert.match(s.content, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(s.content, /<path d="M[\d.]+ [\d.]+ L/, `${s.path} draws a line`);
      assert.match(s.content, /stroke-dasharray="5 4"/, `${s.path} marks the change point`);
      assert.doesNotMatch(s.content, /<script|href=|url\(/, `${s.path} references nothing outside itself`);
    }
    const md = files.find((f) => f.path === REPORT_MARKDOWN)!.content;
    for (const s of svgs) assert.ok(md.includes(`](${s.path})`), `the Markdown shows ${s.path}`);
    assert.match(md, /\| findings\/100 lines \| [\d.]+ \(n=\d+\) \| [\d.]+ \(n=\d+\) \| rate ratio [\d.]+× \(95% CI [\d.]+–[\d.]+\) \|/);
    assert.ok(md.includes(`docs/rules/${SURGING_RULE}.md`));
    const json = JSON.parse(files.find((f) => f.path === REPORT_JSON)!.content) as EvidenceBundle;
    assert.equal(json.metrics[0]!.effect.value, bundle.metrics[0]!.effect.value);
  });

  it('says so when the assistant did not drift, and never mentions the other assistants', () => {
    const calm = buildEvidence({ assistant: 'copilot', rollups, drift: OPTIONS, generatedAt: '2026-11-27T18:00:00.000Z', toolVersion: '9.9.9' });
    assert.equal(calm.drifted, false);
    assert.match(calm.headline, /^No significant drift in copilot's code/);
    assert.ok(calm.metrics.length >= 5 && calm.metrics.every((m) => !m.significant));
    const text = evidenceFiles(bundle).map((f) => f.content).join('\n');
    assert.doesNotMatch(text, /copilot|cursor/);
  });

  describe('examples', () => {
    let candidates: EvidenceCandidate[];
    before(() => {
      candidates = collectEvidenceCandidates(records, { assistant: 'claude-code', since: bundle.windows.changePoint, until: EVIDENCE_TODAY, rules: bundle.rules.map((r) => r.ruleId), limit: 10_000 });
    });

    it('offers the assistant\'s edits after the change, those with the rising rules\' findings first', () => {
      assert.ok(candidates.length > 50);
      assert.ok(candidates.every((c) => c.day >= bundle.windows.changePoint && c.day <= EVIDENCE_TODAY));
      assert.ok(candidates[0]!.findings.some((f) => f.ruleId === SURGING_RULE));
      const firstWithout = candidates.findIndex((c) => c.findings.length === 0);
      assert.ok(firstWithout > 0 && candidates.slice(firstWithout).every((c) => c.findings.length === 0), 'edits without findings come last');
      const canary = candidates.find((c) => c.editId === CANARY_IDS[0])!;
      assert.deepEqual(canary.findings.map((f) => [f.ruleId, f.line]), [[SURGING_RULE, 3]]);
    });

    it('never writes a path, an unticked edit or code the user did not include (canaries)', () => {
      const byId = new Map(candidates.map((c) => [c.editId, c]));
      const withCode = candidates.find((c) => c.code !== undefined && !CANARY_IDS.includes(c.editId as never))!;
      // Ticked: canary A without code, one demo edit with code. Unticked: canary B.
      const examples = [toEvidenceExample(byId.get(CANARY_IDS[0])!, 1, false), toEvidenceExample(withCode, 2, true)];
      const withExamples = buildEvidence({ assistant: 'claude-code', rollups, drift: OPTIONS, examples, generatedAt: '2026-11-27T18:00:00.000Z', toolVersion: '9.9.9' });
      const files = evidenceFiles(withExamples);
      const all = files.map((f) => f.content).join('\n');
      for (const canary of Object.values(CANARY)) assert.ok(!all.includes(canary), `${canary} must not appear`);
      for (const id of CANARY_IDS) assert.ok(!all.includes(id), `record id ${id} must not appear`);
      const paths = new Set(records.flatMap((r) => (r.kind === 'assistant-edit' ? [r.file] : [])));
      for (const p of paths) assert.ok(!all.includes(p), `path ${p} must not appear`);
      const md = files.find((f) => f.path === REPORT_MARKDOWN)!.content;
      assert.match(md, /### Example 1\n\n[^\n]*python[^\n]*\n\n- line 3: `loop\.string-concat-in-loop` \(warning\)\n\n_Code not included by the reporter\._/);
      assert.ok(md.includes(withCode.code!.trimEnd()), 'the example the user included shows its code');
      assert.equal(withExamples.examples[1]!.codeIncluded, true);
      assert.equal(withExamples.examples[0]!.codeIncluded, false);
    });

    it('cannot include code the store did not keep (code level noCode)', () => {
      const canary = candidates.find((c) => c.editId === CANARY_IDS[0])!;
      const { code: _code, ...noCode } = canary;
      const e = toEvidenceExample(noCode, 1, true);
      assert.equal(e.codeIncluded, false);
      assert.equal(e.code, undefined);
      assert.ok(e.findings.every((f) => f.message === undefined));
    });

    it('keeps a finding\'s message only with its code (messages may quote identifiers)', () => {
      const canary = candidates.find((c) => c.editId === CANARY_IDS[0])!;
      assert.equal(toEvidenceExample(canary, 1, false).findings[0]!.message, undefined);
      assert.match(toEvidenceExample(canary, 1, true).findings[0]!.message ?? '', new RegExp(CANARY.message));
      assert.match(toEvidenceExample(canary, 1, true).code ?? '', new RegExp(CANARY.code));
    });
  });
});
