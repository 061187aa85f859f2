/**
 * loop.batchable-calls (Python): per-item calls where the API takes a batch.
 * - consecutive `xs.append(a)`, `xs.append(b)` on the same list (known to be a list) → one `xs.extend((a, b))`;
 * - a `for` loop whose only statement is `s.add(…)`/`s.discard(…)` on a set → `s.update(…)`/`s.difference_update(…)`;
 * - a `for` loop whose only statement is `f.write(…)` on a file from `open(…)` → `f.writelines(…)`;
 * - a `for` loop whose only statement is `cursor.execute(sql, params)` → `cursor.executemany(sql, seq)`.
 * Filtered loops (`if` around the call) are comprehensions, reported by loop.manual-comprehension.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { callParts, expressionOf, forParts, readsAny, rootName, statements, type CallParts } from '../../python/pyNodes.js';
import { pythonSemantics, targetNames, type PythonSemantics } from '../../python/scope.js';

function callStatement(ctx: RuleContext, stmt: MirrorNode | undefined): { call: MirrorNode; parts: CallParts } | undefined {
  const e = expressionOf(stmt);
  if (!e || e.type !== 'call') return undefined;
  const parts = callParts(ctx, e);
  return parts ? { call: e, parts } : undefined;
}

/** Cheap pre-check, before a call is taken apart: the statement is `<expr>.append(…)`. */
function isAppendStatement(ctx: RuleContext, stmt: MirrorNode | undefined): boolean {
  const e = expressionOf(stmt);
  if (!e || e.type !== 'call') return false;
  const fn = e.childForFieldName('function');
  const attr = fn?.type === 'attribute' ? fn.childForFieldName('attribute') : null;
  return !!attr && attr.endIndex - attr.startIndex === 6 && ctx.textOf(attr) === 'append';
}

function receiverKind(ctx: RuleContext, sem: PythonSemantics, parts: CallParts): string {
  return parts.object ? sem.kindOf(parts.object) : 'unknown';
}

/** `f` bound (only) by `with open(…) as f` / `f = open(…)` (also `Path(…).open`, `io.open`, `gzip.open`, …). */
function isOpenFileIn(ctx: RuleContext, sem: PythonSemantics, receiver: MirrorNode): boolean {
  if (receiver.type !== 'identifier') return false;
  const binds = sem.bindingsOf(ctx.textOf(receiver), receiver.startIndex);
  const opens = (n: MirrorNode | null | undefined): boolean => !!n && n.type === 'call' && /(^|\.)open$/.test(ctx.textOf(n.childForFieldName('function') ?? n));
  return (
    binds.length > 0 &&
    binds.every((b) => {
      if (b.kind === 'assign') return opens(b.value);
      if (b.kind === 'with') {
        const as = b.site.childForFieldName('value');
        return as?.type === 'as_pattern' && opens(as.namedChildren[0]);
      }
      return false;
    })
  );
}

export const pyBatchableCalls: Rule = {
  id: 'loop.batchable-calls',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    const isOpenFile = (n: MirrorNode): boolean => isOpenFileIn(ctx, sem, n);
    return {
      // Consecutive appends to the same receiver.
      'block, module'(block) {
        // Most blocks hold no `.append(…)` statement: check before building the statement list.
        if (!block.namedChildren.some((s) => isAppendStatement(ctx, s))) return;
        const stmts = statements(block);
        for (let i = 0; i < stmts.length; i++) {
          if (!isAppendStatement(ctx, stmts[i])) continue;
          const first = callStatement(ctx, stmts[i]);
          if (!first || first.parts.method !== 'append' || !first.parts.object || first.parts.args.length !== 1 || first.parts.kwargs.size > 0) continue;
          const receiver = ctx.textOf(first.parts.object);
          // Only a known list: `append` on a deque or an unknown object may not have a matching `extend`.
          if (receiverKind(ctx, sem, first.parts) !== 'list') continue;
          const root = rootName(ctx, first.parts.object);
          let j = i + 1;
          for (; j < stmts.length; j++) {
            const next = callStatement(ctx, stmts[j]);
            if (!next || next.parts.method !== 'append' || !next.parts.object || ctx.textOf(next.parts.object) !== receiver || next.parts.args.length !== 1 || next.parts.kwargs.size > 0) break;
            // `xs.append(len(xs))` depends on the previous append having happened.
            if (root && readsAny(sem, next.parts.args[0] as MirrorNode, new Set([root]))) break;
          }
          if (j - i >= 2 && !(root && readsAny(sem, first.parts.args[0] as MirrorNode, new Set([root])))) {
            ctx.report(first.call, `${j - i} consecutive \`${receiver}.append(…)\` calls`, `Append them at once with \`${receiver}.extend((…))\`.`);
          }
          i = j - 1;
        }
      },
      // Per-item calls as the only statement of a for loop.
      for_statement(loop) {
        const parts = forParts(ctx, loop);
        if (!parts || parts.isAsync || parts.elseClause) return;
        const body = statements(parts.body);
        if (body.length !== 1) return;
        const c = callStatement(ctx, body[0]);
        if (!c || !c.parts.object || c.parts.hasSplat) return;
        const targets = new Set(targetNames(parts.left).map((n) => ctx.textOf(n)));
        const perItem = c.parts.args.some((a) => readsAny(sem, a, targets));
        if (!perItem) return;
        const receiver = ctx.textOf(c.parts.object);
        const rootOfReceiver = rootName(ctx, c.parts.object);
        if (rootOfReceiver && targets.has(rootOfReceiver)) return;
        const kind = receiverKind(ctx, sem, c.parts);
        const m = c.parts.method;
        // (`remove` raises on a missing item, so it has no exact batch form.)
        if ((m === 'add' || m === 'discard') && kind === 'set' && c.parts.args.length === 1) {
          const batch = m === 'add' ? 'update' : 'difference_update';
          ctx.report(c.call, `\`${receiver}.${m}(…)\` is called once per item of \`${ctx.textOf(parts.right)}\``, `Pass them all at once: \`${receiver}.${batch}(…)\` with a generator.`);
        } else if (m === 'write' && c.parts.args.length === 1 && isOpenFile(c.parts.object)) {
          ctx.report(c.call, `\`${receiver}.write(…)\` is called once per item of \`${ctx.textOf(parts.right)}\``, `Write them in one call: \`${receiver}.writelines(…)\`.`);
        } else if (m === 'execute' && c.parts.args.length === 2 && kind === 'unknown' && !readsAny(sem, c.parts.args[0] as MirrorNode, targets)) {
          ctx.report(c.call, `\`${receiver}.execute(…)\` runs one statement per item of \`${ctx.textOf(parts.right)}\``, `Send the batch in one call: \`${receiver}.executemany(sql, rows)\`.`);
        }
      },
    };
  },
};
