/**
 * The rule-set version: a stable id of "which rules, behaving how" that every finding and score is tagged with, so a
 * trend never compares edits scored by different rules (see README "Like-with-like history").
 *
 * The id is `<revision>.<fingerprint>`:
 * - `RULE_SET_REVISION` is bumped by hand whenever a rule's BEHAVIOUR changes (what it finds, where it anchors,
 *   the engine's attribution). `test/unit/lint/ruleSet.test.ts` lints the rule corpus and fails, naming the new
 *   digest, when the findings change while the revision did not — so a behaviour change cannot slip in unversioned.
 * - the fingerprint (FNV-1a, 8 hex digits) covers the rule list itself: every rule id with its languages and its
 *   catalogue severity. Adding, removing or re-levelling a rule changes the id without anyone remembering to bump.
 *
 * Records written before versions existed carry no id; they read as {@link LEGACY_RULE_SET}.
 */
import { hashSeed } from '../util/random.js';
import type { Rule } from './rule.js';
import { ruleMeta } from './ruleCatalog.js';

/** Bump when any rule's findings change (the corpus digest test says when). */
export const RULE_SET_REVISION = 3;

/** Digest of the findings on the rule corpus at {@link RULE_SET_REVISION} (kept current by the corpus test). */
export const RULE_SET_CORPUS_DIGEST = '7f31311e24d56193';

/** What records without a rule-set id (written before ids existed) are scored by: unknown, older rules. */
export const LEGACY_RULE_SET = 'legacy';

/** The rule-set id of a list of rules (the registry's `ALL_RULES` in the product). */
export function ruleSetId(rules: readonly Rule[], revision: number = RULE_SET_REVISION): string {
  const parts = rules
    .map((r) => `${r.id}:${[...r.languages].sort().join('+')}:${ruleMeta(r.id)?.severity ?? '?'}`)
    .sort();
  return `${revision}.${hashSeed(parts.join('|')).toString(16).padStart(8, '0')}`;
}

/** The revision part of a rule-set id (0 for legacy and malformed ids): newer revisions supersede older ones. */
export function ruleSetRevision(id: string | undefined): number {
  if (id === undefined) return 0;
  const n = Number(id.slice(0, id.indexOf('.')));
  return Number.isInteger(n) && n > 0 ? n : 0;
}
