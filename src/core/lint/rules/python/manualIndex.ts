/**
 * loop.manual-index (Python): index bookkeeping where direct iteration or `enumerate` would do.
 * - `for i in range(len(xs)):` whose body reads `xs[i]` (and does not rebind `xs` or `i`) — reported at the header;
 * - a counter set to 0 before a `for` loop and bumped with `+= 1` as a top-level statement of its body, in a loop
 *   without `continue`, and not read after the loop — reported at the counter;
 * - `while i < len(xs):` walking `xs[i]` with `i += 1` — reported at the header.
 */
import type { Rule, RuleContext } from '../../rule.js';
import { namedChildren, unparenthesize } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { callParts, expressionOf, forHeaderRange, forParts, isBuiltinCall, loopExits, operatorText, previousStatements, simpleAssignment, statements } from '../../python/pyNodes.js';
import { pythonSemantics } from '../../python/scope.js';

/** `seq[i]` reads (not stores) inside `region`. */
function indexReads(ctx: RuleContext, region: MirrorNode, seq: string, index: string): MirrorNode[] {
  const out: MirrorNode[] = [];
  for (const s of ctx.syntax().descendantsOfType(region, 'subscript')) {
    const v = s.childForFieldName('value');
    const sub = s.childForFieldName('subscript');
    if (!v || !sub || ctx.textOf(v) !== seq || ctx.textOf(sub) !== index) continue;
    out.push(s);
  }
  return out;
}

export const pyManualIndex: Rule = {
  id: 'loop.manual-index',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    return {
      for_statement(loop) {
        const parts = forParts(ctx, loop);
        if (!parts) return;
        // for i in range(len(xs))
        if (parts.left.type === 'identifier' && parts.right.type === 'call' && isBuiltinCall(ctx, sem, parts.right, 'range')) {
          const range = callParts(ctx, parts.right);
          let lenCall: MirrorNode | undefined;
          if (range && range.args.length === 1) lenCall = range.args[0];
          else if (range && range.args.length === 2 && ctx.textOf(range.args[0] as MirrorNode) === '0') lenCall = range.args[1];
          if (lenCall && lenCall.type === 'call' && isBuiltinCall(ctx, sem, lenCall, 'len')) {
            const lenArgs = callParts(ctx, lenCall)?.args ?? [];
            const seqNode = lenArgs.length === 1 ? unparenthesize(lenArgs[0] as MirrorNode) : undefined;
            if (seqNode && (seqNode.type === 'identifier' || seqNode.type === 'attribute')) {
              const seq = ctx.textOf(seqNode);
              const index = ctx.textOf(parts.left);
              const reads = indexReads(ctx, parts.body, seq, index);
              const rebinds = sem.storesIn(parts.body, index).length > 0 || (seqNode.type === 'identifier' && sem.storesIn(parts.body, seq).length > 0);
              if (reads.length > 0 && !rebinds) {
                ctx.report(forHeaderRange(loop), `\`${index}\` indexes \`${seq}\` through \`range(len(${seq}))\``, `Iterate \`for ${index}, item in enumerate(${seq})\` (or \`for item in ${seq}\` if \`${index}\` is only used to index).`);
              }
            }
          }
        }
        // Hand-incremented counter.
        if (loopExits(parts.body).continues.length > 0) return;
        for (const stmt of statements(parts.body)) {
          const e = expressionOf(stmt);
          if (!e || e.type !== 'augmented_assignment' || operatorText(ctx, e) !== '+=') continue;
          const left = e.childForFieldName('left');
          const right = e.childForFieldName('right');
          if (!left || left.type !== 'identifier' || !right || ctx.textOf(right) !== '1') continue;
          const counter = ctx.textOf(left);
          // Initialised to an integer before the loop, in the same block, and not touched elsewhere in the loop.
          const init = previousStatements(loop).map((s) => simpleAssignment(ctx, s)).find((a) => a?.name === counter);
          if (!init || !init.value || init.value.type !== 'integer' || ctx.textOf(init.value) !== '0') continue;
          // Read after the loop: it then holds the count, which an enumerate index (one lower) would not.
          const scope = sem.scopeAt(loop.startIndex);
          if (sem.readsIn({ startIndex: loop.endIndex, endIndex: scope.end }, counter).length > 0) continue;
          if (sem.storesIn(parts.body, counter).length !== 1) continue;
          if (sem.storesIn(parts.left, counter).length > 0) continue;
          ctx.report(e, `\`${counter}\` is counted by hand alongside the loop over \`${ctx.textOf(parts.right)}\``, `Use \`for ${counter}, … in enumerate(${ctx.textOf(parts.right)})\`.`);
        }
      },
      // while i < len(xs): … xs[i] … i += 1
      while_statement(loop) {
        const cond = loop.childForFieldName('condition');
        const body = loop.childForFieldName('body');
        if (!cond || !body || cond.type !== 'comparison_operator' || operatorText(ctx, cond) !== '<') return;
        const [idx, bound] = namedChildren(cond);
        if (!idx || !bound || idx.type !== 'identifier' || bound.type !== 'call' || !isBuiltinCall(ctx, sem, bound, 'len')) return;
        const seqNode = callParts(ctx, bound)?.args[0];
        if (!seqNode || (seqNode.type !== 'identifier' && seqNode.type !== 'attribute')) return;
        const index = ctx.textOf(idx);
        const seq = ctx.textOf(seqNode);
        const stores = sem.storesIn(body, index);
        const increments = statements(body).filter((s) => {
          const e = expressionOf(s);
          return e?.type === 'augmented_assignment' && ctx.textOf(e).replace(/\s+/g, '') === `${index}+=1`;
        });
        if (stores.length !== 1 || increments.length !== 1 || loopExits(body).continues.length > 0) return;
        if (indexReads(ctx, body, seq, index).length === 0) return;
        ctx.report(cond, `\`${index}\` walks \`${seq}\` by hand in a while loop`, `Iterate \`for ${index}, item in enumerate(${seq})\`.`);
      },
    };
  },
};
