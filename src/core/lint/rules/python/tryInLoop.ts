/**
 * loop.try-in-loop (Python): a `try`/`except` in a `for`/`while` loop body where one `try` around the loop would do.
 * That holds in two shapes:
 * - every handler unconditionally ends the loop (its last statement is `raise`, `return` or `break`, with no `if` or
 *   `match` in it): the first failure stops the loop either way, so the handler need not be set up per iteration;
 * - the `try` is the whole loop body (the shape ruff's PERF203 flags): the loop exists to run the guarded code —
 *   unless the `try` body returns, which makes it a retry loop.
 * Not reported when the `try` body uses `break` or `continue` (the exception then steers the loop), when a handler
 * that lets the loop go on guards one step among others (a per-item fallback, `continue`, logging — wrapping the
 * loop would change behaviour), with `finally` in the first shape (per-item clean-up), nor for a `try` nested deeper
 * (inside an `if` or `with` in the loop: not the hot path by construction). Reported at the first `except`.
 */
import type { Rule } from '../../rule.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { namedChildren } from '../../syntax.js';
import { loopExits, statements } from '../../python/pyNodes.js';

const ENDS_LOOP = new Set(['raise_statement', 'return_statement', 'break_statement']);
const BRANCHES = new Set(['if_statement', 'match_statement', 'try_statement', 'for_statement', 'while_statement']);

/** The handler's block always leaves the loop: last statement raise/return/break, no branching before it. */
function handlerEndsLoop(handler: MirrorNode): boolean {
  const block = namedChildren(handler).find((c) => c.type === 'block');
  const body = statements(block ?? null);
  const last = body[body.length - 1];
  return !!last && ENDS_LOOP.has(last.type) && !body.some((s) => BRANCHES.has(s.type));
}

export const pyTryInLoop: Rule = {
  id: 'loop.try-in-loop',
  languages: ['python'],
  create(ctx) {
    return {
      'for_statement, while_statement'(loop) {
        const body = statements(loop.childForFieldName('body'));
        for (const tryStmt of body) {
          if (tryStmt.type !== 'try_statement') continue;
          const tryBody = tryStmt.childForFieldName('body');
          if (!tryBody) continue;
          const exits = loopExits(tryBody);
          if (exits.breaks.length > 0 || exits.continues.length > 0) continue;
          const clauses = namedChildren(tryStmt);
          const handlers = clauses.filter((c) => c.type === 'except_clause' || c.type === 'except_group_clause');
          const handler = handlers[0];
          if (!handler) continue;
          // A whole-body try whose body returns on success is a retry loop (`for attempt in …: try: return op()`):
          // hoisting it would drop the retries.
          const wholeBody = body.length === 1 && exits.returns.length === 0;
          const allEnd = handlers.every(handlerEndsLoop) && !clauses.some((c) => c.type === 'finally_clause' || c.type === 'else_clause');
          if (!wholeBody && !allEnd) continue;
          const caught = namedChildren(handler)[0];
          const what = caught && caught.type !== 'block' ? ctx.textOf(caught).replace(/\s+as\s+\w+$/, '') : 'exceptions';
          ctx.report(handler, `\`except ${what}\` is set up again on every iteration of the loop`, 'Move the try/except around the loop if one failure may end it, or keep per-item handling out of hot loops.');
        }
      },
    };
  },
};
