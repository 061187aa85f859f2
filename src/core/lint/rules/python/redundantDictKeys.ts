/**
 * loop.redundant-dict-keys (Python): `for k in d.keys()`, `k in d.keys()` and comprehension headers over
 * `d.keys()`. A dict iterates and tests its keys itself; the view adds a call and hides intent.
 */
import type { Rule } from '../../rule.js';
import { namedChildren, unparenthesize } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { operatorText } from '../../python/pyNodes.js';

/** `X.keys()` with no arguments: the receiver `X`, else null. */
function keysReceiver(ctx: Parameters<Rule['check']>[0], node: MirrorNode | null): MirrorNode | null {
  if (!node) return null;
  const call = unparenthesize(node);
  if (call.type !== 'call') return null;
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (!fn || fn.type !== 'attribute' || !args || args.type !== 'argument_list' || namedChildren(args).length > 0) return null;
  const attr = fn.childForFieldName('attribute');
  if (!attr || ctx.textOf(attr) !== 'keys') return null;
  return fn.childForFieldName('object');
}

export const pyRedundantDictKeys: Rule = {
  id: 'loop.redundant-dict-keys',
  languages: ['python'],
  check(ctx) {
    const m = ctx.syntax();
    for (const loop of m.ofType(['for_statement', 'for_in_clause'])) {
      const right = loop.childForFieldName('right');
      const dict = keysReceiver(ctx, right);
      if (!right || !dict) continue;
      const d = ctx.textOf(dict);
      ctx.report(unparenthesize(right), `iterating \`${d}.keys()\`: a dict iterates its keys itself`, `Iterate \`${d}\` directly.`);
    }
    for (const cmp of m.ofType('comparison_operator')) {
      const kids = namedChildren(cmp);
      if (kids.length !== 2) continue;
      const dict = keysReceiver(ctx, kids[1] as MirrorNode);
      if (!dict) continue;
      // Only the right operand of `in` / `not in`: `d.keys() == other.keys()` compares views on purpose.
      const op = operatorText(ctx, cmp).replace(/\s+/g, ' ');
      if (op !== 'in' && op !== 'not in') continue;
      const d = ctx.textOf(dict);
      ctx.report(unparenthesize(kids[1] as MirrorNode), `membership test against \`${d}.keys()\`: test \`${d}\` itself`, `Write \`… ${op} ${d}\`.`);
    }
  },
};
