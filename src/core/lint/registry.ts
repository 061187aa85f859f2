/**
 * The one list of every rule implementation, for every language. Adding a rule = import it and list it here.
 * TypeScript/JavaScript rules: `rules/js/jsRules.ts` exports `jsRules: Rule[]`; register them with
 * `import { jsRules } from './rules/js/jsRules.js';` and `...jsRules,` in the array below.
 */
import type { Rule } from './rule.js';
import { pyRedundantDictKeys } from './rules/python/redundantDictKeys.js';

/** Every rule implementation, all languages. */
export const ALL_RULES: readonly Rule[] = [
  pyRedundantDictKeys,
];
