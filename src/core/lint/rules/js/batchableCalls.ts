/**
 * loop.batchable-calls for TS/JS: one call per item where the API takes many.
 * - consecutive statements calling the same variadic method on the same receiver with nothing in between:
 *   `out.push(a); out.push(b);` (→ `out.push(a, b)`), likewise `unshift`, DOM `append`/`prepend`, and
 *   `el.classList.add/remove`;
 * - inside a loop or iteration callback, `parent.appendChild(node)` / `parent.append(node)` on a parent that exists
 *   outside the loop (→ collect into a DocumentFragment or one `append(...nodes)`), and `fs.appendFile(Sync)` on
 *   the same file per item (→ one write of the joined text).
 * A call whose result is used (the new length) is not a statement and not reported.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { callParts, type CallParts, JS_LANGUAGES, kids, methodCall, newParts, snippet, strip, nextStatement, previousStatement } from '../../js/jsNodes.js';
import { dependsOnIteration, isInvariant } from '../../js/iteration.js';
import { enclosingIteration } from '../../js/loops.js';
import { scopeTable } from '../../js/scope.js';
import { kindOf } from '../../js/types.js';

const VARIADIC = new Set(['push', 'unshift', 'append', 'prepend']);


function statementCall(stmt: SyntaxNode): CallParts | null {
  if (stmt.type !== 'expression_statement') return null;
  const e = kids(stmt)[0];
  if (!e) return null;
  const cp = callParts(e);
  if (!cp || !cp.receiver) return null;
  return cp;
}

function isBatchable(ctx: RuleContext, cp: CallParts): boolean {
  const recv = ctx.textOf(strip(cp.receiver!));
  if (!/^(this|[\w$]+)(\.[\w$]+)*$/.test(recv)) return false;
  if (cp.args.some((a) => a.type === 'spread_element')) return false;
  if (recv.endsWith('.classList')) return cp.name === 'add' || cp.name === 'remove';
  if (!VARIADIC.has(cp.name)) return false;
  const k = kindOf(ctx, cp.receiver!);
  return k === 'array' || k === 'unknown';
}

/** True when the parent is a DocumentFragment made for batching. */
function isFragment(ctx: RuleContext, recv: SyntaxNode): boolean {
  const r = strip(recv);
  if (r.type !== 'identifier') return false;
  const b = scopeTable(ctx).resolve(r);
  if (!b || !b.init) return false;
  const init = strip(b.init);
  const cp = callParts(init);
  if (cp && cp.name === 'createDocumentFragment') return true;
  const np = newParts(init);
  return !!np && np.ctor === 'DocumentFragment';
}

export const batchableCalls: Rule = {
  id: 'loop.batchable-calls',
  languages: JS_LANGUAGES,
  create(ctx) {
    // Consecutive variadic calls: start from each candidate call and look at its neighbouring statements.
    const same = (stmt: SyntaxNode | null, like: CallParts): CallParts | null => {
      const c = stmt ? statementCall(stmt) : null;
      if (!c || c.name !== like.name || ctx.textOf(strip(c.receiver!)) !== ctx.textOf(strip(like.receiver!)) || !isBatchable(ctx, c)) return null;
      return c;
    };
    /** Cheap text test: does the neighbouring statement start with the same `recv.method(`? */
    const looksSame = (stmt: SyntaxNode | null, prefix: string): boolean => !!stmt && ctx.textOf(stmt).replace(/\s+/g, '').startsWith(prefix);
    return {
      call_expression(node) {
        consecutiveCalls(node);
        perItemAppend(node);
      },
    };
    function consecutiveCalls(node: SyntaxNode): void {
      const a = methodCall(node, ['push', 'unshift', 'append', 'prepend', 'add', 'remove']);
      if (!a) return;
      const stmt = a.call.parent;
      if (!stmt || stmt.type !== 'expression_statement' || !a.receiver) return;
      const prefix = `${ctx.textOf(strip(a.receiver)).replace(/\s+/g, '')}.${a.name}(`;
      if (!looksSame(nextStatement(stmt), prefix)) return;
      if (!isBatchable(ctx, a)) return;
      // Report once per run, at its first call.
      if (same(previousStatement(stmt), a)) return;
      const recv = ctx.textOf(strip(a.receiver));
      let n = 1;
      for (let next = nextStatement(stmt); next; next = nextStatement(next)) {
        const c = same(next, a);
        // Arguments of a later call must not read the receiver (its state after the earlier calls).
        if (!c || c.args.some((x) => ctx.textOf(x).includes(recv))) break;
        n++;
      }
      if (n < 2) return;
      ctx.report(a.call, `${n} consecutive \`${recv}.${a.name}(…)\` calls, one item each`, `Pass all items to one call: \`${recv}.${a.name}(a, b, …)\`.`);
    }
    // Per-item DOM appends and file appends in loops.
    function perItemAppend(node: SyntaxNode): void {
      const cp = methodCall(node, ['appendChild', 'append', 'appendFileSync', 'appendFile']);
      if (!cp) return;
      const call = cp.call;
      if (!cp.receiver || cp.args.length === 0) return;
      if (call.parent?.type !== 'expression_statement' && call.parent?.type !== 'arrow_function' && call.parent?.type !== 'await_expression') return;
      const it = enclosingIteration(call);
      if (!it) return;
      if (cp.name === 'appendFile' || cp.name === 'appendFileSync') {
        const recv = strip(cp.receiver).text;
        if (!/^(fs|fsp|fsPromises|promises|fs\.promises)$/.test(recv)) return;
        if (!isInvariant(ctx, it, cp.args[0]!)) return;
        ctx.report(call, `\`${recv}.${cp.name}(${snippet(ctx, cp.args[0]!, 20)}, …)\` writes to the same file once per item`, 'Collect the lines and write them with one call after the loop.');
        return;
      }
      if (cp.args.length !== 1 || cp.args[0]!.type === 'spread_element') return;
      if (kindOf(ctx, cp.receiver) !== 'unknown') return;
      if (dependsOnIteration(ctx, it, cp.receiver) || isFragment(ctx, cp.receiver)) return;
      // `append` also exists on arrays-like wrappers (FormData, URLSearchParams, Headers) with two arguments; a single
      // argument on a DOM-looking parent is what we want.
      const recv = snippet(ctx, cp.receiver, 30);
      ctx.report(call, `\`${recv}.${cp.name}(…)\` inserts into the live document once per item`, `Collect the nodes in a DocumentFragment (or an array) and call \`${recv}.append(...)\` once after the loop.`);
    }
  },
};
