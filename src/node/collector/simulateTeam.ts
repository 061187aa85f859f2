/**
 * Simulated team members for the collector demo, tests and benchmark: per member and day, one TeamBucket per
 * assistant they use, with stable per-assistant quality and deterministic noise, plus one planted drift (an
 * assistant whose update lowers scores and acceptance in the last `driftDays` days).
 */
import { createHash } from 'node:crypto';
import { prng } from '../../core/demo/demoHistory.js';
import { SCORE_BOUNDS, type TeamBucket } from '../../core/team/teamWire.js';
import { addDays } from '../../core/time/day.js';

export interface SimulationOptions {
  readonly teamId: string;
  readonly members: number;
  readonly days: number;
  /** Last simulated day, `YYYY-MM-DD`. */
  readonly until: string;
  /** Assistant whose quality drops in the last `driftDays` days (after a version update); none when undefined. */
  readonly driftAssistant?: string;
  readonly driftDays?: number;
  readonly seed?: number;
}

interface Profile {
  readonly assistant: string;
  readonly version: string;
  readonly nextVersion: string;
  readonly model: string;
  readonly language: string;
  readonly meanScore: number;
  readonly acceptance: number;
  readonly editsPerDay: number;
}

const PROFILES: readonly Profile[] = [
  { assistant: 'copilot', version: '1.250.0', nextVersion: '1.251.0', model: 'gpt-4.1', language: 'typescript', meanScore: 82, acceptance: 0.78, editsPerDay: 24 },
  { assistant: 'claude-code', version: '1.0.30', nextVersion: '1.0.31', model: 'claude-sonnet-4', language: 'python', meanScore: 85, acceptance: 0.84, editsPerDay: 18 },
  { assistant: 'cursor', version: '0.48.1', nextVersion: '0.48.2', model: 'gpt-4.1', language: 'typescript', meanScore: 79, acceptance: 0.74, editsPerDay: 14 },
];

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

function binomial(n: number, p: number, rand: () => number): number {
  let x = 0;
  for (let i = 0; i < n; i++) if (rand() < p) x++;
  return x;
}

/** One member's install id for the simulation (the real client derives it from a local secret). */
export function simulatedInstallId(teamId: string, member: number): string {
  return sha(`install:${teamId}:${member}`).slice(0, 32);
}

/** The buckets of one member for one day. */
export function simulateMemberDay(o: SimulationOptions, member: number, dayIndex: number): TeamBucket[] {
  const day = addDays(o.until, dayIndex - (o.days - 1));
  const rand = prng((o.seed ?? 1) * 1_000_003 + member * 7919 + dayIndex * 104_729);
  const installId = simulatedInstallId(o.teamId, member);
  const drifted = (p: Profile): boolean => p.assistant === o.driftAssistant && dayIndex >= o.days - (o.driftDays ?? 7);
  const out: TeamBucket[] = [];
  PROFILES.forEach((p, pi) => {
    // Each member uses two of the three assistants.
    if ((member + pi) % 3 === 2) return;
    const edits = Math.max(0, Math.round(p.editsPerDay * (0.6 + 0.8 * rand())));
    if (edits === 0) return;
    const drift = drifted(p);
    const meanScore = drift ? p.meanScore - 18 : p.meanScore;
    const acceptance = drift ? p.acceptance - 0.15 : p.acceptance;
    const histogram = new Array<number>(SCORE_BOUNDS.length + 1).fill(0);
    let scoreSum = 0;
    for (let i = 0; i < edits; i++) {
      const score = Math.min(100, Math.max(0, meanScore + (rand() + rand() + rand() - 1.5) * 20));
      scoreSum += score;
      histogram[Math.min(SCORE_BOUNDS.length, Math.max(0, Math.ceil(score / 5) - 1))]!++;
    }
    const kept = binomial(edits, acceptance, rand);
    const modified = Math.round(kept * 0.2);
    const rejected = Math.round((edits - kept) * 0.7);
    const survivalChecked = Math.round(edits * 0.9);
    const linesAdded = edits * (3 + Math.floor(rand() * 5));
    const arcAccepted = survivalChecked * (25 + Math.floor(rand() * 30));
    const version = drift ? p.nextVersion : p.version;
    const base = { installId, day, assistant: p.assistant, assistantVersion: version, model: p.model, language: p.language };
    out.push({
      ...base,
      teamId: o.teamId,
      idempotencyKey: sha(JSON.stringify([installId, day, p.assistant, version, p.model, p.language])),
      edits,
      accepted: kept - modified,
      modified,
      rejected,
      deleted: edits - kept - rejected,
      proposalsRejected: Math.floor(rand() * 3),
      survivalChecked,
      survivalUnchanged: binomial(survivalChecked, drift ? 0.6 : 0.75, rand),
      editsFixed: binomial(edits, drift ? 0.2 : 0.1, rand),
      linesAdded,
      findings: { loop: binomial(linesAdded, drift ? 0.03 : 0.02, rand), oop: binomial(linesAdded, 0.01, rand) },
      scoreHistogram: histogram,
      scoreCount: edits,
      scoreSum: Math.round(scoreSum * 100) / 100,
      // ARC at 5 minutes: about 40 characters an edit net of what it replaced; a drifted version keeps less of them.
      arcEdits: survivalChecked,
      arcAccepted,
      arcRetained: Math.round(arcAccepted * (drift ? 0.62 : 0.78) * (0.95 + 0.1 * rand())),
    });
  });
  return out;
}
