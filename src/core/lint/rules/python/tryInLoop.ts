/**
 * loop.try-in-loop (Python): a `try`/`except` that is a statement of a `for`/`while` loop body, so the handler is set
 * up on every iteration where one `try` around the loop would do. Not reported when the `try` body uses `break` or
 * `continue` (the exception then steers the loop), nor for a `try` nested deeper (inside an `if` or `with` in the
 * loop: not the hot path by construction). Reported at the first `except`.
 */
import type { Rule } from '../../rule.js';
import { namedChildren } from '../../syntax.js';
import { loopExits, statements } from '../../python/pyNodes.js';

export const pyTryInLoop: Rule = {
  id: 'loop.try-in-loop',
  languages: ['python'],
  create(ctx) {
    return {
      'for_statement, while_statement'(loop) {
        for (const tryStmt of statements(loop.childForFieldName('body'))) {
          if (tryStmt.type !== 'try_statement') continue;
          const tryBody = tryStmt.childForFieldName('body');
          if (!tryBody) continue;
          const exits = loopExits(tryBody);
          if (exits.breaks.length > 0 || exits.continues.length > 0) continue;
          const handler = namedChildren(tryStmt).find((c) => c.type === 'except_clause' || c.type === 'except_group_clause');
          if (!handler) continue;
          const caught = namedChildren(handler)[0];
          const what = caught && caught.type !== 'block' ? ctx.textOf(caught).replace(/\s+as\s+\w+$/, '') : 'exceptions';
          ctx.report(handler, `\`except ${what}\` is set up again on every iteration of the loop`, 'Move the try/except around the loop if one failure may end it, or keep per-item handling out of hot loops.');
        }
      },
    };
  },
};
