/**
 * loop.discarded-iteration-component (Python): iterating pairs and never using one half.
 * `for k, v in d.items()` with `k` unused (iterate `d.values()`) or `v` unused (iterate `d`), and
 * `for i, x in enumerate(xs)` with `i` unused (iterate `xs`) or `x` unused (`range(len(xs))`). Also in comprehension
 * headers. "Unused" = named `_`/`__`/`_…`, or never read in the loop body nor after the loop in the same scope.
 */
import type { Rule } from '../../rule.js';
import { namedChildren, unparenthesize } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { callParts, forHeaderRange, isBuiltinCall, rangeOf } from '../../python/pyNodes.js';
import { pythonSemantics } from '../../python/scope.js';

export const pyDiscardedIterationComponent: Rule = {
  id: 'loop.discarded-iteration-component',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    return {
      'for_statement, for_in_clause'(node) {
        const left = node.childForFieldName('left');
        const rightRaw = node.childForFieldName('right');
        if (!left || !rightRaw) return;
        const right = unparenthesize(rightRaw);
        if (left.type !== 'pattern_list' && left.type !== 'tuple_pattern') return;
        const parts = namedChildren(left);
        if (parts.length !== 2 || right.type !== 'call') return;
        if (parts.every((p) => p.type === 'identifier' && /^_/.test(ctx.textOf(p)))) return;
        const call = callParts(ctx, right);
        if (!call) return;
        let kind: 'items' | 'enumerate';
        if (call.method === 'items' && call.object && call.args.length === 0 && call.kwargs.size === 0) kind = 'items';
        else if (isBuiltinCall(ctx, sem, right, 'enumerate') && call.args.length >= 1 && !call.hasSplat) kind = 'enumerate';
        else return;
        // Where a component could be read: the loop body (or the whole comprehension), then the rest of the scope.
        const scope = sem.scopeAt(node.startIndex);
        const usageRegion = node.type === 'for_statement' ? { startIndex: node.startIndex, endIndex: scope.end } : (node.parent ?? node);
        const unused = parts.map((p) => isUnused(p, usageRegion));
        if (unused[0] === unused[1]) return;
        const [first, second] = parts as [MirrorNode, MirrorNode];
        const header = node.type === 'for_statement' ? forHeaderRange(node) : rangeOf(node);
        if (kind === 'items') {
          const d = ctx.textOf(call.object as MirrorNode);
          if (unused[0]) ctx.report(header, `the key \`${ctx.textOf(first)}\` of \`${d}.items()\` is never used`, `Iterate \`${d}.values()\`.`);
          else ctx.report(header, `the value \`${ctx.textOf(second)}\` of \`${d}.items()\` is never used`, `Iterate \`${d}\` (its keys) directly.`);
        } else {
          const seq = ctx.textOf(call.args[0] as MirrorNode);
          const start = call.args[1] ?? call.kwargs.get('start');
          if (unused[0]) ctx.report(header, `the index \`${ctx.textOf(first)}\` from \`enumerate(${seq})\` is never used`, `Iterate \`${seq}\` directly.`);
          // With a non-zero start the index is not a position: `range(len(…))` would not replace it.
          else if (start && ctx.textOf(start) !== '0') return;
          else ctx.report(header, `the item \`${ctx.textOf(second)}\` from \`enumerate(${seq})\` is never used`, `Iterate \`range(len(${seq}))\`.`);
        }
      },
    };
    function isUnused(target: MirrorNode, region: { startIndex: number; endIndex: number }): boolean {
      // A nested pattern `(a, _)` is unused only when every name in it is.
      if (target.type === 'tuple_pattern' || target.type === 'pattern_list' || target.type === 'list_pattern' || target.type === 'parenthesized_expression') {
        const names = namedChildren(target);
        return names.length > 0 && names.every((n) => isUnused(n, region));
      }
      if (target.type !== 'identifier') return false;
      const name = ctx.textOf(target);
      if (/^_/.test(name)) return true;
      return !sem.readsIn(region, name).some((r) => r.start !== target.startIndex);
    }
  },
};
