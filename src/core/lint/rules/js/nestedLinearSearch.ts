/**
 * loop.nested-linear-search for TS/JS: `b.find(y => y.id === x.id)` (or `filter`/`findIndex`/`some`/`every`) inside a
 * loop over `a`, where the predicate compares the inner element with the outer one — a join written as O(n·m).
 * The search must relate the two collections (a predicate that ignores the outer element is invariant work, not a
 * join) and run over a collection that does not depend on the outer element (searching `order.lines` is local).
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { allIdentifierRefs, JS_LANGUAGES, kids, methodCall, parameterNodes, patternNames, snippet, strip, within } from '../../js/jsNodes.js';
import { dependsOnIteration } from '../../js/iteration.js';
import { enclosingIteration, type Iteration } from '../../js/loops.js';
import { scopeTable } from '../../js/scope.js';
import { kindOf } from '../../js/types.js';

const EQUALITY = new Set(['===', '==', '!==', '!=']);

const SEARCHES = new Set(['find', 'findIndex', 'findLast', 'findLastIndex', 'filter', 'some', 'every']);

/** Equality comparisons inside the predicate whose one side reads the predicate's own parameter and the other side a per-iteration name of the outer loop. */
function relatesToOuter(ctx: RuleContext, pred: SyntaxNode, outer: Iteration): boolean {
  const params = new Set(parameterNodes(pred).flatMap((p) => patternNames(p)).map((p) => ctx.textOf(p)));
  if (params.size === 0) return false;
  const table = scopeTable(ctx);
  const comparisons = ctx.syntax().descendantsOfType(pred, 'binary_expression').filter((e) => EQUALITY.has(e.childForFieldName('operator')?.type ?? ''));
  // `xs.some(y => y === x)`-style direct comparisons and `y.id === x.userId` property joins alike.
  const sideUses = (side: SyntaxNode): { inner: boolean; outer: boolean } => {
    let inner = false;
    let outerUse = false;
    for (const ref of allIdentifierRefs(ctx, side)) {
      const name = ctx.textOf(ref);
      const b = table.resolve(ref);
      if (params.has(name) && b && within(pred, b.id)) inner = true;
      else if (b && within(outer.node, b.id) && !within(pred, b.id)) outerUse = true;
    }
    return { inner, outer: outerUse };
  };
  for (const m of comparisons) {
    const l = m.childForFieldName('left');
    const r = m.childForFieldName('right');
    if (!l || !r) continue;
    const a = sideUses(l);
    const b = sideUses(r);
    if ((a.inner && !a.outer && b.outer && !b.inner) || (b.inner && !b.outer && a.outer && !a.inner)) return true;
  }
  return false;
}

/**
 * True when the predicate is nothing but a key comparison (`y => y.id === x.id`, possibly several joined by `&&`):
 * a join an index can answer. Predicates with other logic (prefix tests, regexes, statements) are not.
 */
function isKeyComparison(ctx: RuleContext, pred: SyntaxNode): boolean {
  let body = pred.childForFieldName('body');
  if (!body) return false;
  if (body.type === 'statement_block') {
    const stmts = kids(body);
    if (stmts.length !== 1 || stmts[0]!.type !== 'return_statement') return false;
    const v = kids(stmts[0]!)[0];
    if (!v) return false;
    body = v;
  }
  // Judged on the text: the TypeScript grammar parses `a === b[i]!.c` as `(a === b[i])!.c`.
  const text = ctx.textOf(body).trim();
  if (/[(?<>|]|\binstanceof\b|\bin\b|!==|!=/.test(text)) return false;
  return text.split('&&').every((part) => (part.match(/===?/g) ?? []).length === 1);
}

export const nestedLinearSearch: Rule = {
  id: 'loop.nested-linear-search',
  languages: JS_LANGUAGES,
  create(ctx) {
    return {
      call_expression(node) {
        const cp = methodCall(node, [...SEARCHES]);
        if (!cp) return;
        if (!cp.receiver) return;
        const pred = cp.args[0] ? strip(cp.args[0]) : null;
        if (!pred || (pred.type !== 'arrow_function' && pred.type !== 'function_expression')) return;
        const recv = strip(cp.receiver);
        if (recv.type === 'array' || !isKeyComparison(ctx, pred)) return;
        const outer = enclosingIteration(cp.call);
        if (!outer) return;
        if (dependsOnIteration(ctx, outer, recv)) return;
        // Chained on the outer collection itself (`xs.filter(…).find(…)` inside xs.map) is not a second collection.
        if (outer.kind === 'callback' && within(outer.call.call, cp.call) && !within(outer.node, cp.call)) return;
        const kind = kindOf(ctx, recv);
        if (kind !== 'array' && kind !== 'unknown') return;
        if (!relatesToOuter(ctx, pred, outer)) return;
        const outerName = outer.kind === 'callback' ? snippet(ctx, outer.receiver, 30) : outerCollectionName(ctx, outer.node);
        ctx.report(
          cp.call,
          `\`${snippet(ctx, recv, 30)}.${cp.name}(…)\` searches \`${snippet(ctx, recv, 30)}\` once per element of ${outerName} — O(n·m)`,
          `Index \`${snippet(ctx, recv, 30)}\` once before the loop (e.g. a Map from the compared key to the element or to a list) and look elements up by key.`,
        );
      },
    };
  },
};

function outerCollectionName(ctx: RuleContext, loop: SyntaxNode): string {
  const right = loop.childForFieldName('right');
  if (right) return `\`${snippet(ctx, right, 30)}\``;
  const cond = loop.childForFieldName('condition');
  const len = cond ? kids(cond).find((c) => c.type === 'member_expression' && c.text.endsWith('.length')) : undefined;
  return len ? `\`${snippet(ctx, len.childForFieldName('object') ?? len, 30)}\`` : 'the outer loop';
}
