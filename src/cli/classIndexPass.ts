/**
 * The CLI's second pass: the class summaries the first pass took (one per JS/TS file, from the same parse) build the
 * cross-file class index (`core/lint/js/classIndex.ts`), and the files holding a class whose out-of-file lineage the
 * index resolves are re-linted — with only the rules the index informs — so a helper method of `class Spec extends
 * Base` (Base in a sibling file) is judged the way a method of an in-file subclass is. Runs on the main thread after
 * every worker finished; the files it re-lints are usually few (one per subclass-of-a-sibling).
 */
import { CLASS_INDEX_RULES, ClassIndex, replaceRuleFindings, type FileClassSummary } from '../core/lint/js/classIndex.js';
import type { Finding, LintProject } from '../core/lint/rule.js';

/** What the pass needs of a first-pass result. */
export interface IndexedResult {
  readonly file: string;
  readonly findings: Finding[];
  readonly skipped?: string;
  readonly classSummary?: FileClassSummary;
}

/** Re-lints result `i` with only `rules`, the project handed to the engine. */
export type Relint = (i: number, rules: readonly string[], project: LintProject) => Promise<{ findings: Finding[]; skipped?: string }>;

/** The rules of this run the class index serves (none when `--rules` leaves them out). */
export function classIndexRules(rules: readonly string[] | undefined): readonly string[] {
  return rules ? CLASS_INDEX_RULES.filter((r) => rules.includes(r)) : CLASS_INDEX_RULES;
}

/**
 * Builds the index from `results`' summaries and replaces, in place, the findings of the index's rules for every
 * file it informs. Returns how many files were re-linted. A file that fails to re-lint keeps its first-pass findings.
 */
export async function applyClassIndex<R extends IndexedResult>(results: R[], rules: readonly string[] | undefined, relint: Relint): Promise<number> {
  const summaries: Array<[string, FileClassSummary]> = [];
  for (const r of results) if (r.classSummary) summaries.push([r.file, r.classSummary]);
  const only = classIndexRules(rules);
  if (summaries.length < 2 || only.length === 0) return 0;
  const index = new ClassIndex(summaries);
  let relinted = 0;
  for (let i = 0; i < results.length; i++) {
    const first = results[i] as R;
    if (!first.classSummary || first.skipped || !index.improves(first.file)) continue;
    const again = await relint(i, only, { file: first.file, classes: index });
    if (again.skipped) continue;
    results[i] = { ...first, findings: replaceRuleFindings(first.findings, again.findings, only) };
    relinted++;
  }
  return relinted;
}
