/**
 * Helpers about what a class member's code does with its instance: does it read `this` (or `super`), which
 * `this.x` members it reads and assigns, where it calls `super(...)`. Nested non-arrow functions and nested classes
 * have their own `this` and are skipped; arrow functions share it.
 */
import type { RuleContext } from '../rule.js';
import type { SyntaxNode } from '../syntaxMirror.js';
import { CLASS_TYPES, callParts, isThis, kids, logicalParent, strip, within } from './jsNodes.js';

const OWN_THIS = new Set(['function_declaration', 'function_expression', 'function', 'generator_function', 'generator_function_declaration', 'method_definition', 'class_body']);

/** True when `node` (inside `root`) is reached without entering a function/class that rebinds `this`. */
export function sameThis(node: SyntaxNode, root: SyntaxNode): boolean {
  for (let n = node.parent; n && !(n.startIndex === root.startIndex && n.endIndex === root.endIndex); n = n.parent) {
    if (OWN_THIS.has(n.type) || CLASS_TYPES.has(n.type)) return false;
    if (n.startIndex < root.startIndex) break;
  }
  return true;
}

/** True when nothing inside `node` crosses an arrow function either (code that runs right away). */
export function runsImmediately(node: SyntaxNode, root: SyntaxNode): boolean {
  for (let n = node.parent; n && !(n.startIndex === root.startIndex && n.endIndex === root.endIndex); n = n.parent) {
    if (OWN_THIS.has(n.type) || CLASS_TYPES.has(n.type) || n.type === 'arrow_function') return false;
    if (n.startIndex < root.startIndex) break;
  }
  return true;
}

/** `this` and `super` nodes in `body` that refer to the member's instance. */
export function instanceRefs(ctx: RuleContext, body: SyntaxNode, options: { first?: boolean } = {}): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const n of ctx.syntax().descendantsOfType(body, INSTANCE)) {
    if (!sameThis(n, body)) continue;
    out.push(n);
    if (options.first) break;
  }
  return out;
}

const INSTANCE = ['this', 'super'];

export interface ThisMemberUse {
  readonly node: SyntaxNode;
  readonly name: string;
  readonly write: boolean;
  /** The assignment expression when `write`. */
  readonly assignment: SyntaxNode | null;
}

/** Every `this.x` (and `(this as any).x`) in `body` with the same `this`, in document order. */
export function thisMemberUses(ctx: RuleContext, body: SyntaxNode): ThisMemberUse[] {
  return ctx.shared(`js.thisMemberUses.${body.startIndex}.${body.endIndex}`, () => collectThisMemberUses(ctx, body));
}

function collectThisMemberUses(ctx: RuleContext, body: SyntaxNode): ThisMemberUse[] {
  const out: ThisMemberUse[] = [];
  if (!ctx.textOf(body).includes('this')) return out;
  // `this.x` and `(this as any).x`.
  for (const member of ctx.syntax().descendantsOfType(body, 'member_expression')) {
    const o = member.childForFieldName('object');
    const p = member.childForFieldName('property');
    if (!o || !p || !isThis(o)) continue;
    if (!sameThis(member, body)) continue;
    const parent = logicalParent(member);
    const write = !!parent && parent.type === 'assignment_expression' && within(parent.childForFieldName('left') ?? parent, member);
    out.push({ node: member, name: p.text, write, assignment: write ? parent : null });
  }
  return out;
}

/** `super(...)` calls in a constructor body (same `this`). */
export function superCalls(ctx: RuleContext, body: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const sup of ctx.syntax().descendantsOfType(body, 'super')) {
    const call = sup.parent;
    if (call && call.type === 'call_expression' && call.childForFieldName('function') === sup && sameThis(call, body)) out.push(call);
  }
  return out;
}

/** True when the body is empty, or only throws (a stub meant to be overridden). */
export function isStubBody(_ctx: RuleContext, body: SyntaxNode | null): boolean {
  if (!body) return true;
  const stmts = kids(body);
  if (stmts.length === 0) return true;
  return stmts.length === 1 && stmts[0]!.type === 'throw_statement';
}

/** True when the body is exactly one `throw` statement. */
export function onlyThrows(body: SyntaxNode | null): boolean {
  if (!body) return false;
  const stmts = kids(body);
  return stmts.length === 1 && stmts[0]!.type === 'throw_statement';
}

/** The return type annotation text of a method, or ''. */
export function returnTypeText(ctx: RuleContext, method: SyntaxNode): string {
  const rt = method.childForFieldName('return_type');
  return rt ? ctx.textOf(rt) : '';
}

/** `X.call(this, …)` / `X.apply(this, …)`: a prototype-style parent constructor call; returns X's text. */
export function prototypeParentCall(node: SyntaxNode): string | null {
  const cp = callParts(node);
  if (!cp || !cp.receiver || (cp.name !== 'call' && cp.name !== 'apply')) return null;
  const first = cp.args[0];
  if (!first || strip(first).type !== 'this') return null;
  return strip(cp.receiver).text;
}
