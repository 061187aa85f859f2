/**
 * loop.manual-comprehension (Python): a `for` loop whose only job is filling a collection.
 * - `for x in xs: [if cond:] out.append(expr)` on a list → list comprehension, `out.extend(...)` or `list(xs)`;
 * - `for k, v in pairs: [if cond:] d[key] = value` on a dict → dict comprehension;
 * - `for x in xs: if cond: s.add(expr)` on a set → set comprehension (the unfiltered case is loop.batchable-calls).
 * The loop must hold exactly that one statement (an `if` without `else` may wrap it) and have no `else`, and the
 * produced value must not read the collection being filled. `async for` loops count (async comprehensions exist).
 */
import type { Rule } from '../../rule.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { callParts, expressionOf, forParts, readsAny, statements } from '../../python/pyNodes.js';
import { pythonSemantics } from '../../python/scope.js';
import { namedChildren } from '../../syntax.js';

export const pyManualComprehension: Rule = {
  id: 'loop.manual-comprehension',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    return {
      for_statement(loop) {
        const parts = forParts(ctx, loop);
        // `async for` loops are covered too: `[x async for x in xs]` is the comprehension.
        if (!parts || parts.elseClause) return;
        const body = statements(parts.body);
        if (body.length !== 1) return;
        let stmt = body[0] as MirrorNode;
        let condition: MirrorNode | null = null;
        if (stmt.type === 'if_statement') {
          if (namedChildren(stmt).some((c) => c.type === 'elif_clause' || c.type === 'else_clause')) return;
          const inner = statements(stmt.childForFieldName('consequence'));
          if (inner.length !== 1) return;
          condition = stmt.childForFieldName('condition');
          stmt = inner[0] as MirrorNode;
        }
        const e = expressionOf(stmt);
        if (!e) return;
        if (e.type === 'call') {
          const call = callParts(ctx, e);
          if (!call || !call.object || call.object.type !== 'identifier' || call.args.length !== 1 || call.kwargs.size > 0 || call.hasSplat) return;
          const target = ctx.textOf(call.object);
          const kind = sem.kindOf(call.object);
          const value = call.args[0] as MirrorNode;
          const self = new Set([target]);
          if (readsAny(sem, value, self) || (condition && readsAny(sem, condition, self))) return;
          if (call.method === 'append' && kind === 'list') {
            const copy = !condition && ctx.textOf(value) === ctx.textOf(parts.left);
            ctx.report(
              e,
              copy ? `\`${target}\` is filled item by item with every element of \`${ctx.textOf(parts.right)}\`` : `\`${target}\` is filled by a loop of \`${target}.append(…)\``,
              copy ? `Use \`${target}.extend(${ctx.textOf(parts.right)})\` or \`list(${ctx.textOf(parts.right)})\`.` : `Build it with a list comprehension (or \`${target}.extend(…)\` with a generator).`,
            );
          } else if (call.method === 'add' && kind === 'set' && condition) {
            ctx.report(e, `\`${target}\` is filled by a filtered loop of \`${target}.add(…)\``, 'Build it with a set comprehension (or `update` with a generator).');
          }
        } else if (e.type === 'assignment') {
          const left = e.childForFieldName('left');
          const right = e.childForFieldName('right');
          if (!left || !right || left.type !== 'subscript' || e.childForFieldName('type')) return;
          const dict = left.childForFieldName('value');
          if (!dict || dict.type !== 'identifier' || sem.kindOf(dict) !== 'dict') return;
          const target = ctx.textOf(dict);
          const self = new Set([target]);
          const key = left.childForFieldName('subscript');
          if (!key || readsAny(sem, right, self) || readsAny(sem, key, self) || (condition && readsAny(sem, condition, self))) return;
          ctx.report(e, `\`${target}\` is filled by a loop of \`${target}[…] = …\``, 'Build it with a dict comprehension (or `update` with a generator of pairs).');
        }
      },
    };
  },
};
