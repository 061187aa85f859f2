/**
 * loop.nested-linear-search (Python): inside a loop over collection A, a linear search of another collection B that
 * matches on equality with the current element — O(n·m) where a dict built once from B gives O(n+m):
 * - `B.index(x)` / `B.count(x)` on a list or tuple B;
 * - `next(b for b in B if b.key == a.key)`, `[b for b in B if b.key == a.key]`, `filter(lambda b: b.key == a.key, B)`;
 * - an inner `for b in B:` whose only statement is `if b.key == a.key:` ending in `break`/`return`.
 * B must not be rebuilt inside the outer loop, and the equality must compare something of B's element with
 * something of A's element. Membership tests (`x in B`) are loop.linear-membership-test.
 */
import type { Rule } from '../../rule.js';
import { enclosingLoop, isComprehension, namedChildren, unparenthesize } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { calleeName, callParts, forHeaderRange, forParts, isBuiltinCall, loopExits, namesBoundIn, operatorText, readsAny, statements } from '../../python/pyNodes.js';
import { paramsOf, pythonSemantics, targetNames } from '../../python/scope.js';

export const pyNestedLinearSearch: Rule = {
  id: 'loop.nested-linear-search',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    return {
      // B.index(x) / B.count(x)
      call(call) {
        const name = calleeName(ctx, call);
        if (name !== 'index' && name !== 'count' && name !== 'filter') return;
        const parts = callParts(ctx, call);
        if (!parts) return;
        if ((parts.method === 'index' || parts.method === 'count') && parts.object && parts.args.length === 1) {
          const outer = outerOf(call);
          if (!outer || !stableCollection(parts.object, outer)) return;
          const kind = sem.kindOf(parts.object);
          if (kind !== 'list' && kind !== 'tuple') return;
          if (!readsAny(sem, parts.args[0] as MirrorNode, outer.vars)) return;
          ctx.report(call, `\`${ctx.textOf(call)}\` scans \`${ctx.textOf(parts.object)}\` for every element of \`${outer.iter}\``, `Build a dict from \`${ctx.textOf(parts.object)}\` once before the loop and look elements up in it.`);
          return;
        }
        // filter(lambda b: b.k == a.k, B)
        if (isBuiltinCall(ctx, sem, call, 'filter') && parts.args.length === 2 && parts.args[0]?.type === 'lambda') {
          const outer = outerOf(call);
          const lambda = parts.args[0];
          const body = lambda.childForFieldName('body');
          const params = new Set(paramsOf(lambda).map((p) => p.name));
          if (!outer || !body || !stableCollection(parts.args[1] as MirrorNode, outer)) return;
          if (matchesOnEquality(body, params, outer.vars)) {
            ctx.report(call, `\`filter\` searches \`${ctx.textOf(parts.args[1] as MirrorNode)}\` for every element of \`${outer.iter}\``, 'Index the searched collection in a dict once, keyed by the compared value.');
          }
        }
      },
      // Comprehension / generator searches: [b for b in B if b.k == a.k], next(b for b in B if …)
      'list_comprehension, generator_expression, set_comprehension'(comp) {
        const clauses = namedChildren(comp).filter((c) => c.type === 'for_in_clause');
        const ifs = namedChildren(comp).filter((c) => c.type === 'if_clause');
        if (clauses.length !== 1 || ifs.length === 0) return;
        const clause = clauses[0] as MirrorNode;
        const left = clause.childForFieldName('left');
        const right = clause.childForFieldName('right');
        if (!left || !right) return;
        const outer = outerOf(comp);
        if (!outer || !stableCollection(right, outer)) return;
        const inner = new Set(targetNames(left).map((n) => ctx.textOf(n)));
        if (!ifs.some((i) => { const cond = namedChildren(i)[0]; return !!cond && matchesOnEquality(cond, inner, outer.vars); })) return;
        const anchor = comp.parent?.type === 'call' && isBuiltinCall(ctx, sem, comp.parent, 'next') ? comp.parent : comp;
        ctx.report(anchor, `\`${ctx.textOf(right)}\` is searched linearly for every element of \`${outer.iter}\``, `Build a dict from \`${ctx.textOf(right)}\` once, keyed by the compared value.`);
      },
      // for b in B: if b.k == a.k: …; break
      for_statement(loop) {
        const parts = forParts(ctx, loop);
        if (!parts || parts.isAsync) return;
        const outer = outerOf(loop);
        if (!outer || !stableCollection(parts.right, outer)) return;
        const body = statements(parts.body);
        if (body.length !== 1 || body[0]?.type !== 'if_statement') return;
        const ifs = body[0];
        if (namedChildren(ifs).some((c) => c.type === 'elif_clause' || c.type === 'else_clause')) return;
        const cond = ifs.childForFieldName('condition');
        const consequence = ifs.childForFieldName('consequence');
        if (!cond || !consequence) return;
        const last = statements(consequence).at(-1);
        if (!last || (last.type !== 'break_statement' && last.type !== 'return_statement')) return;
        if (loopExits(consequence).continues.length > 0) return;
        const inner = new Set(targetNames(parts.left).map((n) => ctx.textOf(n)));
        if (!matchesOnEquality(cond, inner, outer.vars)) return;
        ctx.report(forHeaderRange(loop), `\`${ctx.textOf(parts.right)}\` is searched linearly for every element of \`${outer.iter}\``, `Build a dict from \`${ctx.textOf(parts.right)}\` once, keyed by the compared value.`);
      },
    };
    /** The outer loop's per-iteration names and its iterable text, for a node inside its body. */
    function outerOf(node: MirrorNode): { vars: Set<string>; iter: string; bound: Set<string> } | undefined {
      const loop = enclosingLoop(node, 'python', { includeComprehensions: true });
      if (!loop) return undefined;
      const vars = new Set<string>();
      let iter = '';
      if (isComprehension(loop)) {
        for (const c of namedChildren(loop)) {
          // Every clause of the comprehension drives the expression, except one that contains the node itself.
          if (c.type !== 'for_in_clause' || (c.startIndex <= node.startIndex && node.endIndex <= c.endIndex)) continue;
          const left = c.childForFieldName('left');
          const right = c.childForFieldName('right');
          if (left) for (const n of targetNames(left)) vars.add(ctx.textOf(n));
          if (right) iter = ctx.textOf(right);
        }
      } else {
        const parts = forParts(ctx, loop);
        if (!parts) return undefined;
        for (const n of targetNames(parts.left)) vars.add(ctx.textOf(n));
        iter = ctx.textOf(parts.right);
      }
      if (vars.size === 0) return undefined;
      return { vars, iter, bound: namesBoundIn(sem, loop) };
    }
    /** True when `cond` is (or has a conjunct that is) `f(inner) == g(outer)`. */
    function matchesOnEquality(cond: MirrorNode, inner: Set<string>, outer: Set<string>): boolean {
      const c = unparenthesize(cond);
      if (c.type === 'boolean_operator' && operatorText(ctx, c) === 'and') {
        return namedChildren(c).some((k) => matchesOnEquality(k, inner, outer));
      }
      if (c.type !== 'comparison_operator' || operatorText(ctx, c) !== '==') return false;
      const [l, r] = namedChildren(c);
      if (!l || !r) return false;
      const side = (n: MirrorNode): 'inner' | 'outer' | 'none' => {
        const i = readsAny(sem, n, inner);
        const o = readsAny(sem, n, outer);
        return i && !o ? 'inner' : o && !i ? 'outer' : 'none';
      };
      const a = side(l);
      const b = side(r);
      return (a === 'inner' && b === 'outer') || (a === 'outer' && b === 'inner');
    }
    function stableCollection(coll: MirrorNode, outer: { iter: string; bound: Set<string> }): boolean {
      const c = unparenthesize(coll);
      if (c.type !== 'identifier' && c.type !== 'attribute') return false;
      const text = ctx.textOf(c);
      if (text === outer.iter) return false;
      let root: MirrorNode | null = c;
      while (root && root.type === 'attribute') root = root.childForFieldName('object');
      return !!root && root.type === 'identifier' && !outer.bound.has(ctx.textOf(root));
    }
  },
};
