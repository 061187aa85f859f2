/**
 * loop.await-in-loop (Python): an `await` in the body of a `for` loop (or a comprehension) whose iterations do not
 * depend on each other, so `asyncio.gather`/a TaskGroup could run them concurrently. Not reported when the loop is
 * inherently sequential: `async for`, `while` loops (polling, pagination), loops that stop early (`break`/`return`
 * after a result), awaits whose operands carry state from the previous iteration, and stream/queue/lock/sleep
 * primitives whose order is the point.
 */
import type { Rule } from '../../rule.js';
import { enclosingLoop, namedChildren } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { callParts, forParts, loopExits } from '../../python/pyNodes.js';
import { pythonSemantics } from '../../python/scope.js';

const ORDERED_METHODS = /^(sleep|acquire|wait|join|drain|flush|recv\w*|receive\w*|send\w*|write\w*|read\w*|__anext__|asend|athrow|aclose|get_nowait|put_nowait)$/;

export const pyAwaitInLoop: Rule = {
  id: 'loop.await-in-loop',
  languages: ['python'],
  create(ctx) {
    const sem = pythonSemantics(ctx);
    return {
      await(aw) {
        const loop = enclosingLoop(aw, 'python', { includeComprehensions: true });
        if (!loop || loop.type === 'while_statement') return;
        let body: MirrorNode;
        if (loop.type === 'for_statement') {
          const parts = forParts(ctx, loop);
          if (!parts || parts.isAsync) return;
          body = parts.body;
          const exits = loopExits(body);
          if (exits.breaks.length > 0 || exits.returns.length > 0) return;
        } else {
          // A comprehension with `async for` consumes an async iterator: sequential by nature.
          if (namedChildren(loop).some((c) => c.type === 'for_in_clause' && ctx.textOf(c).startsWith('async'))) return;
          body = loop;
        }
        const awaited = namedChildren(aw)[0];
        if (!awaited) return;
        const call = awaited.type === 'call' ? callParts(ctx, awaited) : undefined;
        if (call) {
          if (ORDERED_METHODS.test(call.method)) return;
          if ((call.method === 'get' || call.method === 'put') && call.object && /queue|\bq\b|inbox|channel/i.test(ctx.textOf(call.object))) return;
          if (/^(asyncio\.)?(gather|wait|as_completed|shield)$/.test(call.callee)) return;
        }
        // Comprehensions carry no state between iterations (their targets are rebound by the comprehension itself).
        if (loop.type === 'for_statement' && carriesState(aw, awaited, body, loop)) return;
        ctx.report(aw, `\`${ctx.textOf(aw).slice(0, 60)}\` waits on every iteration, one after another`, 'Create the awaitables in the loop and run them together with `asyncio.gather(...)` or a TaskGroup.');
      },
    };
    /** True when the awaited expression reads a name the loop rebinds and that lives across iterations. */
    function carriesState(aw: MirrorNode, awaited: MirrorNode, body: MirrorNode, loop: MirrorNode): boolean {
      for (const id of sem.identifiersIn(awaited.startIndex, awaited.endIndex)) {
        if (id.role !== 'load') continue;
        const stores = sem.storesIn(body, id.name).filter((s) => s.role === 'store' || s.role === 'augstore');
        if (stores.length === 0) continue;
        if (stores.some((s) => s.role === 'augstore' || s.start > aw.startIndex)) return true;
        // Bound before the loop as well: the value flows from one iteration into the next.
        const before = sem.bindingsOf(id.name, id.start).some((b) => b.node.startIndex < loop.startIndex);
        if (before) return true;
      }
      return false;
    }
  },
};
