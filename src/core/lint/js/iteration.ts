/**
 * Facts about one iteration that several rules need: which names it binds per element (loop header variables,
 * callback parameters, locals of the body), and whether an expression is invariant across its iterations.
 */
import type { RuleContext } from '../rule.js';
import type { SyntaxNode } from '../syntaxMirror.js';
import { allIdentifierRefs, callParts, kids, strip, within } from './jsNodes.js';

import type { Iteration } from './loops.js';
import { scopeTable } from './scope.js';

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
  const text = ctx.textOf(e);
  // Calls, `new`, `await`, assignments inside the expression could give a fresh value each time. (Text check: a
  // parenthesis or operator inside a string only makes the answer more conservative.)
  if (/[(]|\+\+|--|\bawait\b|\byield\b|[^=!<>]=(?!=)/.test(text)) return false;
  // Blank out plain string literals (their words are not names); template literals keep their substitutions.
  const strings = /(['"])(?:\\.|(?!\1)[^\\])*\1/g;
  const code = text.replace(strings, '""');
  for (const m of code.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*/g)) {
    const name = m[0];
    if (name === 'undefined' || name === 'NaN' || name === 'Infinity' || name === 'this' || name === 'true' || name === 'false' || name === 'null') continue;
    const b = table.resolveName(name, e.startIndex);
    if (!b) continue; // globals (e.g. a module-level constant from another file) do not change in a loop
    if (within(it.node, b.id)) return false;
    if (b.writes.some((w) => within(it.node, w))) return false;
  }
  // `this.x` / `obj.x` assigned inside the iteration.
  for (const m of code.matchAll(/(?:this|[A-Za-z_$][\w$]*)(?:\s*\.\s*[\w$]+)+/g)) {
    const member = m[0].replace(/\s+/g, '');
    if (!member.includes('.')) continue;
    const escaped = member.replace(/[.$]/g, (c) => `\\${c}`);
    if (new RegExp(`${escaped}\\s*(?:[-+*/%&|^]|\\*\\*|\\?\\?|\\|\\||&&)?=(?!=)`).test(ctx.textOf(it.node).replace(/\s*\.\s*/g, '.'))) return false;
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
