/**
 * How capture records a change that a precise channel (an agent hook) claimed in the verdict ledger: the claim decides
 * who made it, the heuristic verdict becomes a confirmation, and the claimed change is ONE assistant edit (one tool
 * call) even when VS Code delivered it as several hunks.
 */
import type { Channel } from '../../schema/events.js';
import type { Verdict } from '../provenance.js';
import type { Region } from '../regionTransform.js';
import type { EditClaim, VerdictLedger } from '../verdictLedger.js';

/**
 * Whether a verdict may be overridden by a claim. A reload during `.git` activity is a checkout, pull or stash — the
 * user's history whatever an agent reported — so it never is. Weaker guesses are: a burst of file changes with no
 * `.git` activity (an agent writing several files in a row causes exactly that), and a reload the heuristic calls a
 * revert because its file watcher had not yet reported the writer. (Real undo/redo carry VS Code's `reason` and never
 * reach a claim: capture asks only for the bulk changes it observed.)
 */
function claimable(verdict: Verdict): boolean {
  return verdict.provenance !== 'vcs' || verdict.rule === 'disk-mass-change';
}

/** The claim covering the inserted texts of a change, unless the change is a VCS operation. */
export function claimForChange(ledger: VerdictLedger, uri: string, verdict: Verdict, inserted: readonly string[]): EditClaim | undefined {
  if (!claimable(verdict)) return undefined;
  return ledger.claimFor(uri, inserted);
}

/** The verdict with the claim's attribution; the heuristic's own channel, if it saw an assistant, confirms it. */
export function claimedVerdict(verdict: Verdict, claim: EditClaim): Verdict {
  // The extension id and version are kept only when the heuristic saw the same assistant (e.g. Claude Code's extension).
  const same = verdict.attribution?.assistant === claim.assistant ? verdict.attribution : undefined;
  return { provenance: claim.provenance, channel: claim.channel, attribution: { ...same, assistant: claim.assistant }, rule: `claimed-by-${claim.channel}` };
}

/** Record fields a claimed edit carries beyond the verdict: model, proposal id and the confirming channel. */
export function claimedFields(claim: EditClaim, heuristic: Verdict): { model?: string; proposalId?: string; confirmedBy?: Channel[] } {
  return {
    ...(claim.model !== undefined ? { model: claim.model.slice(0, 200) } : {}),
    ...(claim.proposalId !== undefined ? { proposalId: claim.proposalId } : {}),
    ...(heuristic.channel !== undefined && heuristic.channel !== claim.channel ? { confirmedBy: [heuristic.channel] } : {}),
  };
}

/** One region spanning all of a change's regions (a tool call is one edit), with its text read from `after`. */
export function mergedRegion<T extends { region: Region; original: string; inserted: number; removed: number; removedText: string | undefined; linesRemoved: number; spans: Region[]; trimmed: boolean; accepted: number }>(regions: readonly T[], after: string): T[] {
  if (regions.length <= 1) return [...regions];
  const first = regions[0]!;
  const start = Math.min(...regions.map((r) => r.region.start));
  const end = Math.max(...regions.map((r) => r.region.end));
  return [
    {
      ...first,
      region: { start, end },
      original: after.slice(start, end),
      inserted: regions.reduce((n, r) => n + r.inserted, 0),
      removed: regions.reduce((n, r) => n + r.removed, 0),
      removedText: regions.every((r) => r.removedText !== undefined) ? regions.map((r) => r.removedText).join('') : undefined,
      linesRemoved: regions.reduce((n, r) => n + r.linesRemoved, 0),
      spans: regions.flatMap((r) => r.spans).sort((a, b) => a.start - b.start),
      trimmed: regions.every((r) => r.trimmed),
      accepted: regions.reduce((n, r) => n + r.accepted, 0),
    },
  ];
}
