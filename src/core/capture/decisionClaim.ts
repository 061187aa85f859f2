/**
 * How capture records a write from disk that an accept decision without a file name (Claude Code's OTLP
 * `tool_decision`) explains: the decision names the writer, the heuristic verdict becomes a confirmation, and the
 * write is ONE assistant edit (one tool call). Only writes whose writer the evidence could not name — or named only as
 * "an agent" — are eligible: version control, reverts, reformatting and mass changes stay what they are.
 */
import type { Verdict } from './provenance.js';
import type { DecisionExpectation } from './verdictLedger.js';

/** Verdict rules of a disk write an accept signal may explain. */
const CLAIMABLE_RULES = new Set(['disk-unknown-writer', 'disk-terminal-command', 'disk-agent-active', 'disk-agent-clis-running', 'disk-agent-cli-running']);
/** Human verdicts kept for a while so a decision arriving after the write (OTLP batches every few seconds) can adopt them. */
const ADOPTABLE_RULES = new Set(['disk-unknown-writer', 'disk-terminal-command']);

/** Whether a decision signal for `assistant` may decide who made a change with this verdict. */
export function signalClaimable(verdict: Verdict, assistant: string): boolean {
  if (!CLAIMABLE_RULES.has(verdict.rule)) return false;
  // A terminal running a different agent CLI is a more specific answer than a decision that names no file.
  if (verdict.rule === 'disk-agent-cli-running' && verdict.attribution?.assistant !== assistant) return false;
  return true;
}

/** Whether a human disk-write verdict is remembered for adoption by a later decision signal. */
export function adoptable(verdict: Verdict): boolean {
  return ADOPTABLE_RULES.has(verdict.rule);
}

/** The verdict with the decision's attribution; the heuristic's own channel, if it saw an agent, confirms it. */
export function expectedVerdict(verdict: Verdict, expectation: Pick<DecisionExpectation, 'assistant' | 'model'>, rule: string): Verdict {
  const same = verdict.attribution?.assistant === expectation.assistant ? verdict.attribution : undefined;
  return {
    provenance: 'ai-agent',
    channel: 'otlp',
    attribution: { ...same, assistant: expectation.assistant, ...(expectation.model !== undefined ? { model: expectation.model } : {}) },
    rule,
    ...(verdict.channel !== undefined && verdict.channel !== 'otlp' ? { confirmedBy: [verdict.channel] } : {}),
  };
}
