/**
 * loop.redundant-dict-keys (Python): `for k in d.keys()`, `k in d.keys()` and comprehension headers over
 * `d.keys()`. A dict iterates and tests its keys itself; the view adds a call and hides intent.
 */
import type { Rule } from '../../rule.js';
import type { SyntaxNode } from '../../treeSitter.js';
import { namedChildren } from '../../syntax.js';

const QUERY = `
(for_statement right: (call function: (attribute object: (_) @dict attribute: (identifier) @m) arguments: (argument_list) @args) @call)
(for_in_clause right: (call function: (attribute object: (_) @dict attribute: (identifier) @m) arguments: (argument_list) @args) @call)
(comparison_operator (call function: (attribute object: (_) @dict attribute: (identifier) @m) arguments: (argument_list) @args) @call) @cmp
`;

export const pyRedundantDictKeys: Rule = {
  id: 'loop.redundant-dict-keys',
  languages: ['python'],
  check(ctx) {
    for (const m of ctx.matches(QUERY)) {
      const get = (n: string): SyntaxNode | undefined => m.captures.find((c) => c.name === n)?.node;
      const method = get('m');
      const args = get('args');
      const call = get('call');
      const dict = get('dict');
      if (!method || !args || !call || !dict || ctx.textOf(method) !== 'keys' || namedChildren(args).length > 0) continue;
      const cmp = get('cmp');
      const dictText = ctx.textOf(dict);
      if (cmp) {
        // Only the right operand of `in` / `not in`: `d.keys() == other.keys()` compares views on purpose.
        const kids = namedChildren(cmp);
        if (kids.length !== 2 || kids[1]?.startIndex !== call.startIndex) continue;
        const op = ctx.textOf(cmp).slice(kids[0]!.endIndex - cmp.startIndex, call.startIndex - cmp.startIndex).trim();
        if (op !== 'in' && op !== 'not in') continue;
        ctx.report(call, `membership test against \`${dictText}.keys()\`: test \`${dictText}\` itself`, `Write \`… ${op} ${dictText}\`.`);
      } else {
        ctx.report(call, `iterating \`${dictText}.keys()\`: a dict iterates its keys itself`, `Iterate \`${dictText}\` directly.`);
      }
    }
  },
};
