/**
 * loop.await-in-loop for TS/JS: an `await` in a loop body that serialises work the iterations could do concurrently.
 * Not reported when the loop is sequential by nature: `for await`, an awaited value that feeds the next iteration
 * (a cursor, an accumulator the next call reads, a value deciding `break`/`return`), a deliberate delay in the
 * loop (rate limiting), or awaits of `Promise.all` batches.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, callParts, kids, newParts, snippet, strip, within } from '../../js/jsNodes.js';
import { feedsNextIteration } from '../../js/flow.js';
import { enclosingIteration, isForAwait } from '../../js/loops.js';

const DELAY_NAMES = /^(sleep|delay|wait|waitFor|timeout|setTimeout|pause|throttle|backoff|rateLimit|yieldToEventLoop|nextTick|setImmediate|requestAnimationFrame)$/i;
const BATCH_CALLS = new Set(['all', 'allSettled', 'race', 'any']);

/** True for `await sleep(…)`, `await new Promise(r => setTimeout(r, …))` and similar deliberate pauses. */
function isDelay(ctx: RuleContext, awaitNode: SyntaxNode): boolean {
  const arg = kids(awaitNode)[0];
  if (!arg) return false;
  const a = strip(arg);
  const cp = callParts(a);
  if (cp && DELAY_NAMES.test(cp.name)) return true;
  const np = newParts(a);
  if (np && np.ctor === 'Promise' && /\bsetTimeout\b|\bsetImmediate\b|\brequestAnimationFrame\b/.test(ctx.textOf(a))) return true;
  return false;
}

function loopLabel(ctx: RuleContext, loop: SyntaxNode): string {
  if (loop.type === 'for_in_statement') {
    const right = loop.childForFieldName('right');
    return right ? `loop over \`${snippet(ctx, right, 30)}\`` : 'loop';
  }
  if (loop.type === 'while_statement' || loop.type === 'do_statement') return `\`${loop.type === 'do_statement' ? 'do…while' : 'while'}\` loop`;
  return '`for` loop';
}

export const awaitInLoop: Rule = {
  id: 'loop.await-in-loop',
  languages: JS_LANGUAGES,
  create(ctx) {
    const loopVerdict = new Map<number, boolean>();
    return {
      await_expression(a) {
        const it = enclosingIteration(a, { statementsOnly: true });
        if (!it || it.kind !== 'statement') return;
        const loop = it.node;
        const body = it.body;
        if (!body || !within(body, a)) return; // awaits in a condition/update decide the loop itself
        if (isForAwait(loop)) return;
        // Only the outermost await of a nested pair: `await save(await load(x))` is one problem.
        let nested = false;
        for (let n = a.parent; n && n.startIndex >= body.startIndex; n = n.parent) {
          if (n.type === 'await_expression') {
            nested = true;
            break;
          }
        }
        if (nested) return;
        const arg = kids(a)[0];
        const argCall = arg ? callParts(strip(arg)) : null;
        if (argCall && argCall.receiver?.text === 'Promise' && BATCH_CALLS.has(argCall.name)) return;
        let loopIsDeliberate = loopVerdict.get(loop.startIndex);
        if (loopIsDeliberate === undefined) {
          loopIsDeliberate = ctx.syntax().descendantsOfType(body, 'await_expression').some((o) => enclosingIteration(o, { statementsOnly: true })?.node.startIndex === loop.startIndex && isDelay(ctx, o));
          loopVerdict.set(loop.startIndex, loopIsDeliberate);
        }
        if (loopIsDeliberate) return;
        if (feedsNextIteration(ctx, loop, a)) return;
        ctx.report(
          a,
          `\`${snippet(ctx, a)}\` waits inside the ${loopLabel(ctx, loop)}, so each iteration starts only after the previous one finished`,
          'Start the independent calls first and await them together with Promise.all(...).',
        );
      },
    };
  },
};
