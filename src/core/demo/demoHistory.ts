/**
 * A deterministic generator of a realistic N-day Driftwatch history: several assistants editing the demo workspace,
 * every record kind capture and lint produce (assistant edits, proposals, outcomes, survival checkpoints, follow-up
 * fixes, findings, diagnostics, scores, version changes, human activity, "not a problem" feedback), and optionally a
 * planted quality drop for one assistant right after a version change.
 *
 * Used by the E2E suite (seeded into the store), `npm start -- --demo` (a clearly labelled demo store) and the
 * benchmarks. Same options → byte-identical records, so tests can assert exact figures.
 */
import { seededRandom } from '../util/random.js';
import { ARC_CHECKPOINTS_S, CHECKPOINTS_S, type AssistantEditEvent, type DriftEvent, type Severity } from '../schema/events.js';
import { ruleMeta } from '../lint/ruleCatalog.js';
import { ALL_RULES } from '../lint/registry.js';
import { ruleSetId } from '../lint/ruleSet.js';
import { scoreEdit, type ScoreWeights } from '../scoring/score.js';
import { scoreInputsFromRecords } from '../scoring/scoreInputs.js';
import { addDays, dayOf, type Day } from '../time/day.js';
import { demoWorkspaceFiles, type DemoFile } from './demoWorkspace.js';

/** One simulated assistant. Quality knobs are per-line / per-edit probabilities of the "healthy" state. */
export interface DemoAssistant {
  id: string;
  extensionId: string;
  provenance: AssistantEditEvent['provenance'];
  channel: AssistantEditEvent['channel'];
  version: string;
  model: string;
  /** Mean edits per working day. */
  editsPerDay: number;
  /** Share of edits per language id. */
  languages: Record<string, number>;
  /** Expected findings per changed line. */
  findingRate: number;
  /** Probability an edit introduces a compiler/language-server error. */
  errorRate: number;
  /** Mean 4-gram survival at 5 minutes of kept edits. */
  survival: number;
  /** Probability the edit is rejected (declined or undone). */
  rejectRate: number;
  /** Expected human follow-up fixes per edit. */
  fixRate: number;
  /** Optional model switch (no quality change) `daysAgo` days before the end. */
  modelChange?: { daysAgo: number; model: string };
}

/** A planted quality drop: from `daysAgo` days before the end, `assistant` runs `toVersion` and gets worse. */
export interface DemoDrift {
  assistant: string;
  daysAgo: number;
  toVersion: string;
  /** Multiplies findingRate, errorRate, rejectRate and fixRate; survival is divided by sqrt(factor). Default 3. */
  factor?: number;
}

export interface DemoOptions {
  /** Length of the history in days, ending on the day of `endTs` (inclusive). */
  days: number;
  /** "Now": no record is later than this. */
  endTs: number;
  /** UTC offset (minutes east) the records are stamped with. Default 0. */
  tz?: number;
  seed?: number;
  assistants?: DemoAssistant[];
  drift?: DemoDrift;
  /** Keep code text in records (code level `all`). Default true. */
  codeText?: boolean;
  /**
   * `full` emits every record kind; `lean` only what the panel's series need (edit, outcome, survival@5 min,
   * findings, fixes, score) and no text — for the year-long benchmark.
   */
  detail?: 'full' | 'lean';
  /** Multiplies every assistant's editsPerDay (benchmarks). Default 1. */
  volume?: number;
  /** Local working hours edits fall in, `[start, end)`. Default `[9, 18]`. */
  hours?: [number, number];
  weights?: ScoreWeights;
  /**
   * Rule set the simulated findings and scores claim to come from. Default: this build's, so the background
   * re-scorer leaves the planted numbers alone; `null` writes untagged (legacy) records, as before versions existed.
   */
  ruleSet?: string | null;
}

export const DEMO_ASSISTANTS: readonly DemoAssistant[] = Object.freeze<DemoAssistant[]>([
  {
    id: 'copilot',
    extensionId: 'github.copilot',
    provenance: 'ai-inline',
    channel: 'inline-heuristic',
    version: '1.250.0',
    model: 'gpt-4o',
    editsPerDay: 30,
    languages: { typescript: 0.5, javascript: 0.2, python: 0.3 },
    findingRate: 0.03,
    errorRate: 0.04,
    survival: 0.86,
    rejectRate: 0.08,
    fixRate: 0.25,
    modelChange: { daysAgo: 45, model: 'gpt-4.1' },
  },
  {
    id: 'claude-code',
    extensionId: 'anthropic.claude-code',
    provenance: 'ai-agent',
    channel: 'hook',
    version: '1.0.30',
    model: 'claude-sonnet-4',
    editsPerDay: 18,
    languages: { python: 0.5, typescript: 0.35, typescriptreact: 0.15 },
    findingRate: 0.025,
    errorRate: 0.03,
    survival: 0.9,
    rejectRate: 0.06,
    fixRate: 0.2,
  },
  {
    id: 'cursor',
    extensionId: 'anysphere.cursor',
    provenance: 'ai-chat',
    channel: 'workspace-edit',
    version: '0.50.1',
    model: 'gpt-4.1',
    editsPerDay: 12,
    languages: { javascript: 0.4, typescriptreact: 0.3, typescript: 0.3 },
    findingRate: 0.035,
    errorRate: 0.05,
    survival: 0.84,
    rejectRate: 0.1,
    fixRate: 0.3,
  },
]);

/** The planted drift the E2E suite and `--demo` use: Claude Code gets worse after updating to 1.0.31. */
export const DEMO_DRIFT: Readonly<DemoDrift> = Object.freeze({ assistant: 'claude-code', daysAgo: 6, toVersion: '1.0.31', factor: 2.2 });

interface RuleSpec {
  id: string;
  /** Share of "not a problem" feedback users give this rule's findings. */
  falsePositive: number;
}

const RULES: Record<string, RuleSpec[]> = {
  python: [
    { id: 'loop.manual-comprehension', falsePositive: 0.05 },
    { id: 'loop.await-in-loop', falsePositive: 0.1 },
    { id: 'loop.string-concat-in-loop', falsePositive: 0.02 },
    { id: 'loop.redundant-dict-keys', falsePositive: 0.15 },
    { id: 'oop.attribute-outside-init', falsePositive: 0.08 },
    { id: 'oop.mutable-class-attribute', falsePositive: 0.02 },
    { id: 'oop.lazy-class', falsePositive: 0.4 },
  ],
  typescript: [
    { id: 'loop.manual-index', falsePositive: 0.3 },
    { id: 'loop.await-in-loop', falsePositive: 0.1 },
    { id: 'loop.nested-linear-search', falsePositive: 0.05 },
    { id: 'loop.quadratic-accumulation', falsePositive: 0.03 },
    { id: 'oop.method-not-using-self', falsePositive: 0.25 },
    { id: 'oop.constructor-chaining', falsePositive: 0.01 },
  ],
  javascript: [
    { id: 'loop.string-concat-in-loop', falsePositive: 0.05 },
    { id: 'loop.unnecessary-materialization', falsePositive: 0.1 },
    { id: 'loop.closure-captures-loop-var', falsePositive: 0.02 },
    { id: 'loop.linear-membership-test', falsePositive: 0.12 },
  ],
  typescriptreact: [
    { id: 'loop.unnecessary-materialization', falsePositive: 0.1 },
    { id: 'loop.invariant-in-loop', falsePositive: 0.08 },
    { id: 'oop.lazy-class', falsePositive: 0.4 },
  ],
};

/** The rule's catalogue severity, so demo findings weigh in the score exactly as real ones do. */
function severityOf(ruleId: string): Severity {
  const meta = ruleMeta(ruleId);
  if (!meta) throw new Error(`demo history names an unknown rule ${ruleId}`);
  return meta.severity;
}

/** The demo history's generator is the shared seeded one (mulberry32), so its output is identical across platforms. */
export const prng: (seed: number) => () => number = seededRandom;

function poisson(rand: () => number, lambda: number): number {
  if (lambda <= 0) return 0;
  // Knuth's method is exact and fast for the small rates used here; large rates use a normal approximation.
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rand)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > limit);
  return k - 1;
}

function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

function pickWeighted<T extends string>(rand: () => number, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x <= 0) return k;
  }
  return entries[entries.length - 1]![0];
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
/**
 * Generates the history in time order (per day; within a day, each edit's records follow the edit). Lazy, so a
 * year at benchmark volume never sits in memory at once.
 */
export function* generateDemoHistory(options: DemoOptions): Generator<DriftEvent> {
  const tz = options.tz ?? 0;
  const rand = prng(options.seed ?? 42);
  const assistants = options.assistants ?? DEMO_ASSISTANTS;
  const detail = options.detail ?? 'full';
  const withText = (options.codeText ?? true) && detail === 'full';
  const volume = options.volume ?? 1;
  const [startHour, endHour] = options.hours ?? [9, 18];
  const files = demoWorkspaceFiles();
  const filesByLanguage = new Map<string, DemoFile[]>();
  for (const f of files) filesByLanguage.set(f.language, [...(filesByLanguage.get(f.language) ?? []), f]);
  const endDay = dayOf(options.endTs, tz);
  const firstDay = addDays(endDay, -(Math.max(1, options.days) - 1));
  let seq = 0;
  const nextId = (): string => `demo${options.seed ?? 42}-${(seq++).toString(36)}`;
  const ruleSet = options.ruleSet === null ? undefined : (options.ruleSet ?? ruleSetId(ALL_RULES));
  const tagged = ruleSet !== undefined ? { ruleSet } : {};
  const env = (ts: number) => ({ schema: 1 as const, id: nextId(), ts, tz });
  /** Local midnight of a day, as epoch ms. */
  const midnight = (day: Day): number => Date.parse(`${day}T00:00:00Z`) - tz * 60_000;

  const driftDay = options.drift ? addDays(endDay, -options.drift.daysAgo) : undefined;
  const currentVersion = new Map<string, string>();
  const currentModel = new Map<string, string>();

  for (let day = firstDay; day <= endDay; day = addDays(day, 1)) {
    const dayStart = midnight(day);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const dayEvents: DriftEvent[] = [];
    let assistantChars = 0;

    for (const a of assistants) {
      // Version / model markers: first sighting on the first day, then the planted update and the model switch.
      if (!currentVersion.has(a.id)) {
        currentVersion.set(a.id, a.version);
        currentModel.set(a.id, a.model);
        if (detail === 'full') dayEvents.push({ ...env(dayStart + 8 * 3_600_000), kind: 'assistant-version', assistant: a.id, extensionId: a.extensionId, version: a.version, model: a.model });
      }
      const drifting = options.drift?.assistant === a.id && driftDay !== undefined && day >= driftDay;
      if (drifting && day === driftDay) {
        const previousVersion = currentVersion.get(a.id)!;
        currentVersion.set(a.id, options.drift!.toVersion);
        dayEvents.push({ ...env(dayStart + 8.5 * 3_600_000), kind: 'assistant-version', assistant: a.id, extensionId: a.extensionId, previousVersion, version: options.drift!.toVersion, model: currentModel.get(a.id)! });
      }
      if (a.modelChange && day === addDays(endDay, -a.modelChange.daysAgo)) {
        const previousModel = currentModel.get(a.id)!;
        currentModel.set(a.id, a.modelChange.model);
        dayEvents.push({ ...env(dayStart + 8.25 * 3_600_000), kind: 'assistant-version', assistant: a.id, extensionId: a.extensionId, version: currentVersion.get(a.id)!, model: a.modelChange.model, previousModel });
      }
      const factor = drifting ? (options.drift!.factor ?? 3) : 1;
      const n = poisson(rand, a.editsPerDay * volume * (weekend ? 0.3 : 1));
      for (let k = 0; k < n; k++) {
        // Spread across the working hours in order.
        const ts = dayStart + startHour * 3_600_000 + Math.floor(((k + rand()) / Math.max(1, n)) * (endHour - startHour) * 3_600_000);
        if (ts > options.endTs - 20 * 60_000) continue;
        const records = editRecords(a, ts, currentVersion.get(a.id)!, currentModel.get(a.id)!, factor);
        assistantChars += (records[0] as AssistantEditEvent).charsInserted;
        dayEvents.push(...records);
      }
    }
    if (detail === 'full' && dayStart + 18 * 3_600_000 < options.endTs) {
      const typed = Math.round(4000 * (weekend ? 0.3 : 1) * (0.7 + 0.6 * rand()));
      dayEvents.push({
        ...env(dayStart + 18 * 3_600_000),
        kind: 'human-activity',
        periodStart: dayStart + 9 * 3_600_000,
        periodEnd: dayStart + 18 * 3_600_000,
        chars: { typed, paste: Math.round(typed * 0.15), format: Math.round(typed * 0.05) },
        changes: { typed: Math.round(typed / 3), paste: Math.round(typed / 200), format: 3 },
        assistantChars,
      });
    }
    dayEvents.sort((x, y) => x.ts - y.ts);
    yield* dayEvents;
  }

  function editRecords(a: DemoAssistant, ts: number, version: string, model: string, factor: number): DriftEvent[] {
    const language = pickWeighted(rand, a.languages);
    const candidates = filesByLanguage.get(language) ?? files;
    const file = candidates[Math.floor(rand() * candidates.length)]!;
    const region = file.regions[Math.floor(rand() * file.regions.length)]!;
    const lines = file.text.split('\n').slice(region.start, region.end);
    const text = lines.join('\n');
    const editId = nextId();
    const edit: AssistantEditEvent = {
      schema: 1,
      id: editId,
      ts,
      tz,
      kind: 'assistant-edit',
      provenance: a.provenance,
      channel: a.channel,
      assistant: a.id,
      extensionId: a.extensionId,
      assistantVersion: version,
      model,
      language: file.language,
      file: file.path,
      range: { start: { line: region.start, character: 0 }, end: { line: region.end - 1, character: lines[lines.length - 1]!.length } },
      linesAdded: lines.length,
      linesRemoved: rand() < 0.3 ? 1 + Math.floor(rand() * 3) : 0,
      charsInserted: text.length,
      charsReplaced: 0,
      ...(withText ? { text } : {}),
      sized: true,
    };
    const ref = { editId, editTs: ts, editTz: tz, assistant: a.id, model, language: file.language, lines: lines.length };
    const out: DriftEvent[] = [];
    if (a.channel === 'hook' && detail === 'full') {
      const proposalId = `p-${editId}`;
      edit.proposalId = proposalId;
      out.push({ ...env(ts - 1500), kind: 'proposal', proposalId, channel: 'hook', assistant: a.id, model, language: file.language, file: file.path, toolName: 'Edit', decision: 'accepted', decisionSource: 'hook-post', linesProposed: lines.length, matchedEditId: editId });
      if (rand() < clamp01(a.rejectRate * factor)) {
        out.push({ ...env(ts - 900), kind: 'proposal', proposalId: `r-${editId}`, channel: 'hook', assistant: a.id, model, language: file.language, file: file.path, toolName: 'Edit', decision: 'rejected', decisionSource: 'no-matching-edit', linesProposed: 1 + Math.floor(rand() * 8) });
      }
    }
    out.unshift(edit);
    const rejected = rand() < clamp01(a.rejectRate * factor);
    const ruleSpecs = RULES[file.language] ?? RULES['typescript']!;
    const findingCount = poisson(rand, a.findingRate * factor * lines.length * 3);
    for (let f = 0; f < findingCount; f++) {
      const rule = ruleSpecs[Math.floor(rand() * ruleSpecs.length)]!;
      const line = region.start + Math.floor(rand() * lines.length);
      const findingKey = `${rule.id}@${line - region.start}:${f}`;
      const range = { start: { line, character: 0 }, end: { line, character: (lines[line - region.start] ?? '').length } };
      out.push({ ...env(ts + 800), kind: 'finding', ref, findingKey, ruleId: rule.id, severity: severityOf(rule.id), range, status: 'open', at: 0, ...tagged });
      const fixedLater = rand() < 0.35;
      if (fixedLater) out.push({ ...env(ts + 300_000), kind: 'finding', ref, findingKey, ruleId: rule.id, severity: severityOf(rule.id), range, status: 'fixed', at: 300, ...tagged });
      if (detail === 'full' && rand() < rule.falsePositive) {
        out.push({ ...env(ts + 120_000 + f), kind: 'feedback', ruleId: rule.id, verdict: 'not-a-problem', editId, findingKey, language: file.language });
      }
    }
    if (detail === 'full') {
      const introducedErrors = rand() < clamp01(a.errorRate * factor) ? 1 + (rand() < 0.2 ? 1 : 0) : 0;
      const introducedWarnings = rand() < 0.1 ? 1 : 0;
      out.push({ ...env(ts + 2000), kind: 'diagnostics', ref, at: 0, errors: introducedErrors, warnings: introducedWarnings, introducedErrors, introducedWarnings, fixed: 0, sources: [file.language === 'python' ? 'Pylance' : 'ts'] });
    }
    const fixes = rejected ? 0 : poisson(rand, a.fixRate * factor);
    let msSince = 0;
    for (let i = 1; i <= fixes; i++) {
      msSince += 20_000 + Math.floor(rand() * 200_000);
      out.push({ ...env(ts + msSince), kind: 'follow-up-fix', ref, fixIndex: i, provenance: rand() < 0.9 ? 'typed' : 'paste', charsChanged: 2 + Math.floor(rand() * Math.min(80, text.length / 2)), msSinceEdit: msSince });
    }
    const keptSurvival = clamp01(a.survival - 0.1 * (factor - 1) + 0.12 * normal(rand) - 0.03 * fixes);
    const checkpoints = detail === 'full' ? CHECKPOINTS_S : ([300] as const);
    for (const cp of checkpoints) {
      const decay = rejected ? 0 : clamp01(keptSurvival - 0.02 * Math.log2(cp / 30));
      const fourGramSurvival = Math.round(decay * 1000) / 1000;
      const regionDeleted = rejected;
      const distanceRatio = Math.round((1 - fourGramSurvival) * 1.2 * 1000) / 1000;
      out.push({
        ...env(ts + cp * 1000),
        kind: 'survival',
        ref,
        checkpoint: cp as (typeof CHECKPOINTS_S)[number],
        distanceRatio,
        unchanged: distanceRatio <= 0.33,
        fourGramSurvival,
        regionDeleted,
      });
    }
    if (detail === 'full') {
      // ARC on the assistant's schedule, derived from the same survival draw (no extra random numbers, so every other
      // record of the history stays as it was): characters retained decay like the 4-gram survival.
      const schedule = a.provenance === 'ai-inline' ? 'inline' : 'chat';
      for (const cp of ARC_CHECKPOINTS_S[schedule]) {
        const kept = cp === 0 ? 1 : rejected ? 0 : clamp01(keptSurvival - 0.02 * Math.log2(cp / 30) - 0.05);
        out.push({ ...env(ts + cp * 1000), kind: 'arc', ref, schedule, checkpoint: cp, acceptedChars: text.length, retainedChars: Math.round(text.length * kept) });
      }
    }
    const outcome = rejected ? 'rejected' : fixes > 0 || keptSurvival < 0.6 ? 'modified' : 'accepted';
    out.push({ ...env(ts + 900_000), kind: 'edit-outcome', ref, outcome, reason: rejected ? 'undo' : outcome === 'modified' ? 'changed' : 'kept' });
    const scored = scoreEdit(scoreInputsFromRecords(edit, out), options.weights);
    out.push({ ...env(ts + 900_001), kind: 'edit-score', ref, score: scored.score, components: scored.components, linesChanged: scored.linesChanged, final: true, ...tagged });
    return out;
  }
}

/** Convenience: the whole history as an array (small histories only). */
export function demoHistory(options: DemoOptions): DriftEvent[] {
  return [...generateDemoHistory(options)];
}
