/**
 * Facts about one iteration that several rules need: which names it binds per element (loop header variables,
 * callback parameters, locals of the body), and whether an expression is invariant across its iterations.
 */
import type { RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../treeSitter.js';
import { allIdentifierRefs, callParts, kids, strip, within } from './jsAst.js';
import type { Iteration } from './jsLoops.js';
import { scopeTable } from './jsScope.js';

/** The range whose code runs per element: the loop statement (header included) or the callback. */
export function iterationRange(it: Iteration): SyntaxNode {
  return it.node;
}

/** True when the binding an identifier resolves to is created per iteration of `it` (or inside it). */
export function isPerIterationName(ctx: RuleContext, it: Iteration, ref: SyntaxNode): boolean {
  const b = scopeTable(ctx).resolve(ref);
  if (!b) return false;
  return within(it.node, b.id);
}

/**
 * True when `expr` evaluates to the same value on every iteration of `it`: it reads only literals and names that
 * are declared outside the iteration and never assigned inside it, and calls nothing (a call may return anything).
 * `this.x` reads count as invariant unless the iteration assigns `this.x`.
 */
export function isInvariant(ctx: RuleContext, it: Iteration, expr: SyntaxNode): boolean {
  const table = scopeTable(ctx);
  const e = strip(expr);
  // Calls and `new` inside the expression could return a fresh value each time.
  const calls = ctx.query('[(call_expression) (new_expression) (await_expression) (update_expression) (assignment_expression) (augmented_assignment_expression) (yield_expression)] @c').captures(e);
  if (calls.length > 0) return false;
  for (const ref of allIdentifierRefs(ctx, e)) {
    const name = ctx.textOf(ref);
    if (name === 'undefined' || name === 'NaN' || name === 'Infinity') continue;
    const b = table.resolve(ref);
    if (!b) continue; // globals (e.g. a module-level constant from another file) do not change in a loop
    if (within(it.node, b.id)) return false;
    if (b.writes.some((w) => within(it.node, w))) return false;
  }
  // `this.x` / `obj.x` assigned inside the iteration.
  const members = ctx.query('(member_expression) @m').captures(e);
  if (members.length > 0) {
    const assigned = ctx.query('[(assignment_expression left: (member_expression) @l) (augmented_assignment_expression left: (member_expression) @l)]').captures(it.node);
    const texts = new Set(assigned.map((c) => ctx.textOf(c.node)));
    for (const m of members) if (texts.has(ctx.textOf(m.node))) return false;
  }
  return true;
}

/** The root identifier of a member/subscript chain (`a` for `a.b[c].d`), or null. */
export function rootIdentifier(node: SyntaxNode): SyntaxNode | null {
  let n = strip(node);
  for (;;) {
    if (n.type === 'identifier' || n.type === 'this') return n;
    if (n.type === 'member_expression' || n.type === 'subscript_expression') {
      const o = n.childForFieldName('object');
      if (!o) return null;
      n = strip(o);
      continue;
    }
    if (n.type === 'call_expression') {
      const cp = callParts(n);
      if (!cp || !cp.receiver) return null;
      n = strip(cp.receiver);
      continue;
    }
    return null;
  }
}

/** True when the expression (a collection) depends on the iteration's element: `row.cells`, `groups[k]`. */
export function dependsOnIteration(ctx: RuleContext, it: Iteration, expr: SyntaxNode): boolean {
  for (const ref of allIdentifierRefs(ctx, expr)) if (isPerIterationName(ctx, it, ref)) return true;
  return false;
}

/** Simple-statement list of a loop/callback body (a braceless body or an expression-bodied arrow is one statement). */
export function bodyStatements(it: Iteration): SyntaxNode[] {
  const body = it.body;
  if (!body) return [];
  if (body.type === 'statement_block') return kids(body);
  return [body];
}
