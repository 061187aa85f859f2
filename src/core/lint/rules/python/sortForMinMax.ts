/**
 * loop.sort-for-min-max (Python): sorting a whole collection to read one end of it.
 * `sorted(xs)[0]`, `sorted(xs)[-1]`, `sorted(xs, key=…, reverse=True)[0]`, and `ys = sorted(xs)` when every later
 * read of `ys` is `ys[0]` or `ys[-1]`. `min`/`max` is one O(n) pass without a copy.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { callParts, isBuiltinCall } from '../../python/pyNodes.js';
import { pythonSemantics } from '../../python/scope.js';

function endIndexOf(ctx: RuleContext, sub: MirrorNode | null): 0 | -1 | undefined {
  if (!sub) return undefined;
  const t = ctx.textOf(sub).replace(/\s+/g, '');
  return t === '0' ? 0 : t === '-1' ? -1 : undefined;
}

export const pySortForMinMax: Rule = {
  id: 'loop.sort-for-min-max',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    return {
      call(call) {
        if (!isBuiltinCall(ctx, sem, call, 'sorted')) return;
        const parts = callParts(ctx, call);
        if (!parts || parts.args.length !== 1 || parts.hasSplat) return;
        if ([...parts.kwargs.keys()].some((k) => k !== 'key' && k !== 'reverse')) return;
        const reverse = parts.kwargs.get('reverse');
        let reversed = false;
        if (reverse) {
          if (reverse.type === 'true') reversed = true;
          else if (reverse.type !== 'false') return;
        }
        const pick = (end: 0 | -1): string => ((end === 0) !== reversed ? 'min' : 'max');
        const key = parts.kwargs.get('key');
        const fix = (fn: string): string => `Use \`${fn}(${ctx.textOf(parts.args[0] as MirrorNode)}${key ? `, key=${ctx.textOf(key)}` : ''})\`.`;
        const parent = call.parent;
        if (parent?.type === 'subscript' && parent.childForFieldName('value')?.startIndex === call.startIndex) {
          const end = endIndexOf(ctx, parent.childForFieldName('subscript'));
          if (end === undefined) return;
          ctx.report(call, `\`sorted(…)[${end}]\` sorts everything to read the ${pick(end) === 'min' ? 'smallest' : 'largest'} element`, fix(pick(end)));
          return;
        }
        // ys = sorted(xs); … only ys[0] / ys[-1] afterwards.
        if (parent?.type !== 'assignment') return;
        const left = parent.childForFieldName('left');
        if (!left || left.type !== 'identifier') return;
        const name = ctx.textOf(left);
        const bindings = sem.bindingsOf(name, left.startIndex);
        if (bindings.length !== 1) return;
        const scope = sem.scopeAt(left.startIndex);
        const reads = sem.readsIn({ startIndex: scope.start, endIndex: scope.end }, name).filter((r) => sem.resolveScope(name, r.start) === scope);
        if (reads.length === 0) return;
        const ends = new Set<0 | -1>();
        let ok = true;
        for (const r of reads) {
          const p = r.node.parent;
          const end = p?.type === 'subscript' && p.childForFieldName('value')?.startIndex === r.start ? endIndexOf(ctx, p.childForFieldName('subscript')) : undefined;
          if (end === undefined) {
            ok = false;
            break;
          }
          ends.add(end);
        }
        if (!ok || ends.size !== 1) return;
        const end = [...ends][0] as 0 | -1;
        ctx.report(call, `\`${name}\` holds a full sort but only \`${name}[${end}]\` is ever read`, fix(pick(end)));
      },
    };
  },
};
