import type { TeamBucket } from '../../../src/core/team/teamWire.js';

const hex = (n: number, len: number): string => n.toString(16).padStart(len, '0').slice(-len);

/** A valid TeamBucket with deterministic ids; `seed` varies the counts. */
export function sampleBucket(seed = 1, over: Partial<TeamBucket> = {}): TeamBucket {
  const histogram = Array.from({ length: 21 }, (_, i) => (i >= 14 && i < 20 ? seed + i - 13 : 0));
  const scoreCount = histogram.reduce((a, c) => a + c, 0);
  return {
    day: '2026-03-14',
    installId: hex(0xabc000 + seed, 32),
    teamId: 'team-a',
    idempotencyKey: hex(0xfeed0000 + seed, 64),
    assistant: 'copilot',
    assistantVersion: '1.250.0',
    model: 'gpt-4.1',
    language: 'typescript',
    edits: 10 + seed,
    accepted: 5 + seed,
    modified: 2,
    rejected: 1,
    deleted: 1,
    proposalsRejected: 3,
    survivalChecked: 8,
    survivalUnchanged: 6,
    editsFixed: 2,
    linesAdded: 120 + seed,
    findings: { loop: 2, oop: seed % 3 },
    scoreHistogram: histogram,
    scoreCount,
    scoreSum: scoreCount * 83.5,
    arcEdits: 7,
    arcAccepted: 900 + seed,
    arcRetained: 610 + seed,
    ...over,
  };
}
