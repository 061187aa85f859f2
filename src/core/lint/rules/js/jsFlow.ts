/**
 * Light data-flow over one loop body: which local names carry a value derived from a given expression ("taint"),
 * whether such a value reaches a variable the next iteration reads, and whether it decides a `break`/`return`.
 * Enough to tell a loop whose iterations depend on each other from one that merely runs them one after another.
 */
import type { RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../treeSitter.js';
import { CLASS_TYPES, FUNCTION_TYPES, identifierRefs, kids, strip, within } from './jsAst.js';
import { isLoopStatement } from './jsLoops.js';
import { scopeTable } from './jsScope.js';

/** True when `node` reads any of `names`, or contains `source`. */
export function mentions(ctx: RuleContext, node: SyntaxNode, names: ReadonlySet<string>, source?: SyntaxNode): boolean {
  if (source && within(node, source)) return true;
  if (names.size === 0) return false;
  const text = ctx.textOf(node);
  for (const name of names) if (text.includes(name) && identifierRefs(ctx, node, name).length > 0) return true;
  return false;
}

/**
 * Local names in `body` (declared inside it) whose value derives from `source`: `const r = await f(x)` taints `r`,
 * and `const v = r.value` then taints `v`.
 */
export function taintedLocals(ctx: RuleContext, body: SyntaxNode, source: SyntaxNode): Set<string> {
  const tainted = new Set<string>();
  const decls = ctx.query('(variable_declarator name: (_) @n value: (_) @v)').matches(body);
  const assigns = ctx.query('(assignment_expression left: (identifier) @n right: (_) @v)').matches(body);
  const pairs = [...decls, ...assigns].map((m) => ({ name: m.captures.find((c) => c.name === 'n')?.node, value: m.captures.find((c) => c.name === 'v')?.node }));
  for (let pass = 0; pass < 4; pass++) {
    let grew = false;
    for (const { name, value } of pairs) {
      if (!name || !value) continue;
      if (!mentions(ctx, value, tainted, source)) continue;
      const ids = name.type === 'identifier' ? [name] : ctx.query('[(identifier) (shorthand_property_identifier_pattern)] @id').captures(name).map((c) => c.node);
      for (const id of ids) {
        const b = scopeTable(ctx).resolve(id);
        // Only names declared inside the body: outer names are what `feedsNextIteration` looks for.
        if (b && within(body, b.id) && !tainted.has(id.text)) {
          tainted.add(id.text);
          grew = true;
        }
      }
    }
    if (!grew) break;
  }
  return tainted;
}

/** Statements that can leave `loop` early: `break` aimed at it, or `return`, outside nested functions/loops. */
export function loopExits(ctx: RuleContext, loop: SyntaxNode): SyntaxNode[] {
  const body = loop.childForFieldName('body');
  if (!body) return [];
  const out: SyntaxNode[] = [];
  for (const c of ctx.query('[(break_statement) (return_statement)] @x').captures(body)) {
    const x = c.node;
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
  const table = scopeTable(ctx);
  // Names read per iteration outside the body: the loop's condition/update/header, and the source expression.
  const header: SyntaxNode[] = [];
  for (const f of ['condition', 'increment', 'right', 'left']) {
    const part = loop.childForFieldName(f);
    if (part) header.push(part);
  }
  // Outer variables written from a tainted value.
  const writes = ctx.query('[(assignment_expression left: (_) @l right: (_) @r) (augmented_assignment_expression left: (_) @l right: (_) @r)]').matches(body);
  for (const m of writes) {
    const l = m.captures.find((c) => c.name === 'l')?.node;
    const r = m.captures.find((c) => c.name === 'r')?.node;
    if (!l || !r) continue;
    const target = strip(l);
    if (target.type !== 'identifier') continue;
    if (!mentions(ctx, r, tainted, source)) continue;
    const b = table.resolve(target);
    if (b && within(body, b.id)) continue;
    const name = target.text;
    if (identifierRefs(ctx, source, name).length > 0) return true;
    if (header.some((h) => identifierRefs(ctx, h, name).length > 0)) return true;
    // A do/while condition or a nested guard reads it on the next pass.
    for (const exit of loopExits(ctx, loop)) {
      if (guardingConditions(exit, body).some((c) => identifierRefs(ctx, c, name).length > 0)) return true;
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
