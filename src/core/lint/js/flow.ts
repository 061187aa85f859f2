/**
 * Light data-flow over one loop body: which local names carry a value derived from a given expression ("taint"),
 * whether such a value reaches a variable the next iteration reads, and whether it decides a `break`/`return`.
 * Enough to tell a loop whose iterations depend on each other from one that merely runs them one after another.
 */
import type { RuleContext } from '../rule.js';
import type { SyntaxNode } from '../syntaxMirror.js';
import { CLASS_TYPES, FUNCTION_TYPES, kids, strip, within } from './jsNodes.js';
import { isLoopStatement } from './loops.js';

/**
 * True when the text of `node` uses `name` as a variable (a whole word not preceded by `.`). Text-based on purpose:
 * it is called many times per loop, and a name inside a string literal is rare enough to accept.
 */
export function usesName(ctx: RuleContext, node: SyntaxNode, name: string): boolean {
  const text = ctx.textOf(node);
  if (!text.includes(name)) return false;
  const escaped = name.replace(/[$]/g, '\\$');
  return new RegExp(`(?<![\\w$.])${escaped}(?![\\w$])`).test(text);
}

/** True when `node` reads any of `names`, or contains `source`. */
export function mentions(ctx: RuleContext, node: SyntaxNode, names: ReadonlySet<string>, source?: SyntaxNode): boolean {
  if (source && within(node, source)) return true;
  for (const name of names) if (usesName(ctx, node, name)) return true;
  return false;
}

/**
 * Local names in `body` (declared inside it) whose value derives from `source`: `const r = await f(x)` taints `r`,
 * and `const v = r.value` then taints `v`.
 */
export function taintedLocals(ctx: RuleContext, body: SyntaxNode, source: SyntaxNode): Set<string> {
  const tainted = new Set<string>();
  if (!/\b(const|let|var)\b|[^=!<>]=[^=>]/.test(ctx.textOf(body))) return tainted;
  const { pairs, locals } = bodyFlow(ctx, body);
  for (let pass = 0; pass < 4; pass++) {
    let grew = false;
    for (const { names, value } of pairs) {
      if (!mentions(ctx, value, tainted, source)) continue;
      for (const n of names) {
        // Only names declared inside the body: outer names are what `feedsNextIteration` looks for.
        if (locals.has(n) && !tainted.has(n)) {
          tainted.add(n);
          grew = true;
        }
      }
    }
    if (!grew) break;
  }
  return tainted;
}

const OWNERS = ['variable_declarator', 'assignment_expression'];
const EXITS = ['break_statement', 'return_statement'];
const ASSIGNMENTS = ['assignment_expression', 'augmented_assignment_expression'];

interface BodyFlow {
  /** `name(s) = value` pairs from declarations and plain assignments. */
  readonly pairs: ReadonlyArray<{ names: string[]; value: SyntaxNode }>;
  /** Names declared inside the body (shadowing is rare enough inside one loop body to ignore). */
  readonly locals: ReadonlySet<string>;
}

/** Declarations and assignments of one loop body (cached: several awaits in one loop share it). */
function bodyFlow(ctx: RuleContext, body: SyntaxNode): BodyFlow {
  return ctx.shared(`js.bodyFlow.${body.startIndex}.${body.endIndex}`, () => {
    const pairs: Array<{ names: string[]; value: SyntaxNode }> = [];
    const locals = new Set<string>();
    // Every declarator and plain assignment of the body.
    for (const node of ctx.syntax().descendantsOfType(body, OWNERS)) {
      const isDecl = node.type === 'variable_declarator';
      const n = node.childForFieldName(isDecl ? 'name' : 'left');
      const v = node.childForFieldName(isDecl ? 'value' : 'right');
      if (!n || (!isDecl && n.type !== 'identifier')) continue;
      const names = n.type === 'identifier' ? [n.text] : [...ctx.textOf(n).matchAll(/(?<![\w$.:])[A-Za-z_$][\w$]*(?!\s*:)/g)].map((x) => x[0]);
      if (isDecl) for (const x of names) locals.add(x);
      if (v) pairs.push({ names, value: v });
    }
    // Declarations without initialiser (`let x;`) are locals too.
    for (const m of ctx.textOf(body).matchAll(/\b(?:let|var|const)\s+([A-Za-z_$][\w$]*)/g)) locals.add(m[1]!);
    // `for (const x of …)` heads of nested loops declare locals too.
    for (const m of ctx.textOf(body).matchAll(/\bfor\s*(?:await\s*)?\(\s*(?:const|let|var)\s+([A-Za-z_$][\w$]*)/g)) locals.add(m[1]!);
    return { pairs, locals };
  });
}

/** Statements that can leave `loop` early: `break` aimed at it, or `return`, outside nested functions/loops. */
export function loopExits(ctx: RuleContext, loop: SyntaxNode): SyntaxNode[] {
  return ctx.shared(`js.loopExits.${loop.startIndex}`, () => collectLoopExits(ctx, loop));
}

function collectLoopExits(ctx: RuleContext, loop: SyntaxNode): SyntaxNode[] {
  const body = loop.childForFieldName('body');
  if (!body) return [];
  const out: SyntaxNode[] = [];
  for (const x of ctx.syntax().descendantsOfType(body, EXITS)) {
    let escapes = true;
    for (let n = x.parent; n && n.startIndex >= body.startIndex && !(n.startIndex === loop.startIndex && n.endIndex === loop.endIndex); n = n.parent) {
      if (FUNCTION_TYPES.has(n.type) || CLASS_TYPES.has(n.type)) {
        escapes = false;
        break;
      }
      // An unlabelled break inside a nested loop or switch leaves that construct, not ours.
      if (x.type === 'break_statement' && !x.childForFieldName('label') && (isLoopStatement(n) || n.type === 'switch_statement')) {
        escapes = false;
        break;
      }
    }
    if (escapes) out.push(x);
  }
  return out;
}

/** Conditions of the `if`/`?:`/loop constructs between `node` and `stop` (exclusive). */
export function guardingConditions(node: SyntaxNode, stop: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let n = node.parent; n && !(n.startIndex === stop.startIndex && n.endIndex === stop.endIndex); n = n.parent) {
    if (n.type === 'if_statement' || n.type === 'ternary_expression') {
      const cond = n.childForFieldName('condition');
      if (cond && !within(cond, node)) out.push(cond);
    }
  }
  return out;
}

/**
 * True when a value derived from `source` (inside `loop`) decides whether the loop continues: it reaches a variable
 * the loop header/condition or `source` itself reads, or it guards a `break`/`return`, or it is returned.
 */
export function feedsNextIteration(ctx: RuleContext, loop: SyntaxNode, source: SyntaxNode): boolean {
  const body = loop.childForFieldName('body');
  if (!body) return false;
  const tainted = taintedLocals(ctx, body, source);
  // Names read per iteration outside the body: the loop's condition/update/header, and the source expression.
  const header: SyntaxNode[] = [];
  for (const f of ['condition', 'increment', 'right', 'left']) {
    const part = loop.childForFieldName(f);
    if (part) header.push(part);
  }
  // Outer variables written from a tainted value.
  for (const w of ctx.syntax().descendantsOfType(body, ASSIGNMENTS)) {
    const l = w.childForFieldName('left');
    const r = w.childForFieldName('right');
    if (!l || !r) continue;
    const target = strip(l);
    if (target.type !== 'identifier') continue;
    if (!mentions(ctx, r, tainted, source)) continue;
    if (bodyFlow(ctx, body).locals.has(target.text)) continue;
    const name = target.text;
    if (usesName(ctx, source, name)) return true;
    if (header.some((h) => usesName(ctx, h, name))) return true;
    // A do/while condition or a nested guard reads it on the next pass.
    for (const exit of loopExits(ctx, loop)) {
      if (guardingConditions(exit, body).some((c) => usesName(ctx, c, name))) return true;
    }
  }
  for (const exit of loopExits(ctx, loop)) {
    if (exit.type === 'return_statement' && kids(exit).some((v) => mentions(ctx, v, tainted, source))) return true;
    if (guardingConditions(exit, body).some((c) => mentions(ctx, c, tainted, source))) return true;
    // An unconditional exit after the source: the loop stops at the first pass that reaches it.
    if (exit.startIndex > source.endIndex && guardingConditions(exit, body).length === 0 && !insideCatchOrElse(exit, body)) return true;
  }
  return false;
}

function insideCatchOrElse(node: SyntaxNode, stop: SyntaxNode): boolean {
  for (let n = node.parent; n && n.startIndex >= stop.startIndex && !(n.startIndex === stop.startIndex && n.endIndex === stop.endIndex); n = n.parent) {
    if (n.type === 'catch_clause' || n.type === 'else_clause' || n.type === 'switch_case') return true;
  }
  return false;
}
