/**
 * loop.try-in-loop for TS/JS: a try/catch inside a loop whose handler ends the loop anyway (its last statement is an
 * unconditional `throw`, `return` or `break`), so one try/catch around the loop would behave the same. Per-item
 * handling that lets the loop go on (logging, collecting errors, `continue`, retries, conditional rethrows) needs the
 * try inside and is not reported; neither is a `finally` (per-item cleanup).
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, kids, snippet, within } from '../../js/jsNodes.js';
import { enclosingIteration } from '../../js/loops.js';

/** The last statement of the catch block ends the loop unconditionally, and nothing in it continues the loop. */
function handlerEndsLoop(ctx: RuleContext, handler: SyntaxNode): string | null {
  const body = handler.childForFieldName('body');
  if (!body) return null;
  const stmts = kids(body);
  const last = stmts[stmts.length - 1];
  if (!last) return null;
  const text = ctx.textOf(body);
  if (/\bcontinue\b/.test(text)) return null;
  // Conditional control flow in the handler means it decides per item.
  if (stmts.some((s) => s.type === 'if_statement' || s.type === 'switch_statement' || s.type === 'try_statement')) return null;
  if (last.type === 'throw_statement') return 'rethrows';
  if (last.type === 'return_statement') return 'returns';
  if (last.type === 'break_statement' && !last.childForFieldName('label')) return 'breaks out of the loop';
  return null;
}

export const tryInLoop: Rule = {
  id: 'loop.try-in-loop',
  languages: JS_LANGUAGES,
  create(ctx) {
    return {
      try_statement(t) {
        const handler = t.childForFieldName('handler');
        if (!handler || t.childForFieldName('finalizer')) return;
        const it = enclosingIteration(t, { statementsOnly: true });
        if (!it || it.kind !== 'statement' || !it.body || !within(it.body, t)) return;
        const how = handlerEndsLoop(ctx, handler);
        if (!how) return;
        // A `break` in the handler must leave this loop, not a switch in between.
        let inSwitch = false;
        for (let n = t.parent; n && n.startIndex > it.node.startIndex; n = n.parent) if (n.type === 'switch_statement') inSwitch = true;
        if (inSwitch && how.startsWith('breaks')) return;
        const param = handler.childForFieldName('parameter');
        const right = it.node.childForFieldName('right');
        ctx.report(
          handler,
          `The \`catch${param ? ` (${snippet(ctx, param, 20)})` : ''}\` ${how}, ending the loop${right ? ` over \`${snippet(ctx, right, 30)}\`` : ''} on the first error, yet the handler is set up on every iteration`,
          'Move the try/catch outside the loop; the behaviour stays the same.',
        );
      },
    };
  },
};
