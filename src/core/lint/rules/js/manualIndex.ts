/**
 * loop.manual-index for TS/JS, two shapes:
 * - a C-style `for (let i = 0; i < xs.length; i++)` whose index is used to read `xs[i]` (→ `for…of`), or to read
 *   `xs[i]` and as a plain position (→ `xs.entries()`, the `enumerate` of JavaScript); not when the index is written
 *   through (`xs[i] = …`), used for neighbours (`xs[i + 1]`), only used as a number, changed in the body, used after the loop,
 *   stepped by other than one, or when the collection is a string (`for…of` iterates code points, not UTF-16 units)
 *   or is mutated inside the loop;
 * - a counter declared `let i = 0` right before a `for…of`/`forEach` and incremented once, unconditionally, at the
 *   top level of the body, and read inside it (→ `xs.entries()` / the callback's index parameter).
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { identifierRefs, isWriteTarget, JS_LANGUAGES, kids, logicalParent, methodCall, snippet, strip, within, previousStatement } from '../../js/jsNodes.js';
import { isForOf } from '../../js/loops.js';
import { scopeTable, type Binding } from '../../js/scope.js';
import { kindOf } from '../../js/types.js';

/** `i++`, `++i`, `i += 1`, `i = i + 1` on `name`. */
function isIncrementByOne(ctx: RuleContext, node: SyntaxNode, name: string): boolean {
  const n = strip(node);
  if (n.type === 'update_expression') return ctx.textOf(n).replace(/\s+/g, '') === `${name}++` || ctx.textOf(n).replace(/\s+/g, '') === `++${name}`;
  if (n.type === 'augmented_assignment_expression') {
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    return !!l && !!r && l.text === name && n.childForFieldName('operator')?.type === '+=' && r.text === '1';
  }
  if (n.type === 'assignment_expression') {
    const l = n.childForFieldName('left');
    const r = n.childForFieldName('right');
    if (!l || !r) return false;
    const t = ctx.textOf(r).replace(/\s+/g, '');
    return l.text === name && (t === `${name}+1` || t === `1+${name}`);
  }
  return false;
}

const MUTATORS = new Set(['splice', 'push', 'pop', 'shift', 'unshift', 'sort', 'reverse', 'fill', 'copyWithin']);

/** True when `body` calls a length-changing/reordering method on the collection `coll`. */
export function mutates(ctx: RuleContext, body: SyntaxNode, coll: string): boolean {
  if (!ctx.textOf(body).includes(coll)) return false;
  for (const call of ctx.syntax().descendantsOfType(body, 'call_expression')) {
    const fn = call.childForFieldName('function');
    const o = fn?.type === 'member_expression' ? fn.childForFieldName('object') : null;
    const p = fn?.type === 'member_expression' ? fn.childForFieldName('property') : null;
    if (p?.type !== 'property_identifier') continue;
    if (o && p && MUTATORS.has(p.text) && ctx.textOf(strip(o)) === coll) return true;
  }
  return false;
}

/** True when every use of the index `i` (binding `b`) in `body` reads `coll[i]`. */
export function indexOnlyReadsElement(ctx: RuleContext, body: SyntaxNode, i: string, coll: string, b: Binding): boolean {
  const table = scopeTable(ctx);
  const uses = identifierRefs(ctx, body, i).filter((r) => table.resolve(r) === b);
  for (const u of uses) {
    const p = logicalParent(u);
    if (!p || p.type !== 'subscript_expression') return false;
    const obj = p.childForFieldName('object');
    const index = p.childForFieldName('index');
    if (!obj || !index || strip(index).startIndex !== u.startIndex || ctx.textOf(strip(obj)) !== coll) return false;
    if (isWriteTarget(p)) return false;
  }
  return true;
}

/**
 * How a loop body uses its index `i` over `coll`: element reads `coll[i]`, standalone uses (`i` as a position —
 * printed, passed, used on another array), or something `for…of`/`entries()` cannot express (writes through the
 * index, neighbour access like `coll[i + 1]`).
 */
function indexUses(ctx: RuleContext, body: SyntaxNode, i: string, coll: string, b: Binding): { reads: number; positional: number } | null {
  const table = scopeTable(ctx);
  let reads = 0;
  let positional = 0;
  for (const u of identifierRefs(ctx, body, i)) {
    if (table.resolve(u) !== b) continue;
    if (isWriteTarget(u)) return null; // the body moves the index itself
    const p = logicalParent(u);
    if (p && p.type === 'subscript_expression' && strip(p.childForFieldName('index') ?? p).startIndex === u.startIndex && ctx.textOf(strip(p.childForFieldName('object') ?? p)) === coll) {
      if (isWriteTarget(p)) return null;
      reads++;
      continue;
    }
    // Inside some other subscript of the same collection (`coll[i + 1]`): index arithmetic.
    for (let n = u.parent; n && n.startIndex >= body.startIndex; n = n.parent) {
      if (n.type === 'subscript_expression' && ctx.textOf(strip(n.childForFieldName('object') ?? n)) === coll) return null;
    }
    positional++;
  }
  return { reads, positional };
}

function checkCStyle(ctx: RuleContext, loop: SyntaxNode): void {
  const init = loop.childForFieldName('initializer');
  const cond = loop.childForFieldName('condition');
  const inc = loop.childForFieldName('increment');
  const body = loop.childForFieldName('body');
  if (!init || !cond || !inc || !body) return;
  if (init.type !== 'lexical_declaration' && init.type !== 'variable_declaration') return;
  const decls = kids(init).filter((k) => k.type === 'variable_declarator');
  const first = decls[0];
  if (!first || decls.length > 2) return;
  const idx = first.childForFieldName('name');
  const start = first.childForFieldName('value');
  if (!idx || idx.type !== 'identifier' || !start || start.text !== '0') return;
  const i = idx.text;
  if (!isIncrementByOne(ctx, inc, i)) return;
  // Condition: `i < xs.length`, or `i < n` with `n = xs.length` declared beside `i`.
  const c = strip(cond.type === 'expression_statement' ? (kids(cond)[0] ?? cond) : cond);
  if (c.type !== 'binary_expression' || c.childForFieldName('operator')?.type !== '<') return;
  if (c.childForFieldName('left')?.text !== i) return;
  let bound = c.childForFieldName('right');
  if (!bound) return;
  bound = strip(bound);
  const second = decls[1];
  if (second) {
    if (bound.type !== 'identifier' || second.childForFieldName('name')?.text !== bound.text) return;
    const v = second.childForFieldName('value');
    if (!v) return;
    bound = strip(v);
  }
  if (bound.type !== 'member_expression' || bound.childForFieldName('property')?.text !== 'length') return;
  const coll = bound.childForFieldName('object');
  if (!coll) return;
  const collText = ctx.textOf(strip(coll));
  if (!/^[\w$]+(\.[\w$]+)*$/.test(collText)) return; // calls or computed chains could differ per read
  if (kindOf(ctx, coll) === 'string') return;
  if (mutates(ctx, body, collText)) return;
  // Every use of i in the body is `coll[i]` read.
  const table = scopeTable(ctx);
  const b = table.declaredBy(idx);
  if (!b) return;
  const uses = indexUses(ctx, body, i, collText, b);
  // Positions without any element read: a counting loop over indices, not an iteration over elements.
  if (!uses || (uses.positional > 0 && uses.reads === 0)) return;
  // The collection itself must not be reassigned in the loop, and a `var` index must not be used after it.
  const root = collText.split('.')[0]!;
  if (identifierRefs(ctx, body, root).some((r) => isWriteTarget(r))) return;
  if (b.kind === 'var' && identifierRefs(ctx, b.scope, i).some((r) => r.startIndex >= loop.endIndex)) return;
  ctx.report(
    { start: { line: loop.startPosition.row, character: loop.startPosition.column }, end: { line: body.startPosition.row, character: body.startPosition.column } },
    uses.positional > 0
      ? `The loop reads \`${collText}[${i}]\` and needs \`${i}\` only as its position`
      : uses.reads > 0
        ? `The index \`${i}\` is only used to read \`${collText}[${i}]\``
        : `The index \`${i}\` only counts the elements of \`${collText}\``,
    uses.positional > 0 ? `Iterate with positions: \`for (const [${i}, item] of ${collText}.entries())\`.` : `Iterate the elements directly: \`for (const item of ${collText})\`.`,
  );
}

function checkCounter(ctx: RuleContext, loop: SyntaxNode, body: SyntaxNode | null, kind: 'for-of' | 'forEach', source: string): void {
  if (!body || body.type !== 'statement_block') return;
  const stmt = loop.type === 'for_in_statement' ? loop : loop.parent; // forEach: the expression statement
  const block = stmt?.parent;
  if (!stmt || !block) return;
  const prev = previousStatement(stmt);
  if (!prev) return;
  if (prev.type !== 'lexical_declaration' && prev.type !== 'variable_declaration') return;
  if (prev.type === 'lexical_declaration' && prev.child(0)?.type === 'const') return;
  for (const d of kids(prev).filter((k) => k.type === 'variable_declarator')) {
    const name = d.childForFieldName('name');
    const value = d.childForFieldName('value');
    if (!name || name.type !== 'identifier' || !value || value.text !== '0') continue;
    const n = name.text;
    const table = scopeTable(ctx);
    const b = table.declaredBy(name);
    if (!b) continue;
    // Exactly one write, an increment by one, a direct statement of the loop body.
    if (b.writes.length !== 1) continue;
    const w = b.writes[0]!;
    const incStmt = kids(body).find((s) => within(s, w));
    if (!incStmt || incStmt.type !== 'expression_statement') continue;
    const expr = kids(incStmt)[0];
    if (!expr || !isIncrementByOne(ctx, expr, n)) continue;
    // A `continue` (or early return in a callback) before the increment would skip it.
    const before = ctx.textOf(body).slice(0, incStmt.startIndex - body.startIndex);
    if (/\bcontinue\b/.test(before) || (kind === 'forEach' && /\breturn\b/.test(before))) continue;
    const reads = identifierRefs(ctx, body, n).filter((r) => table.resolve(r) === b && !within(incStmt, r));
    if (reads.length === 0) continue;
    ctx.report(
      d,
      `\`${n}\` is a hand-maintained index of the loop over \`${source}\``,
      kind === 'for-of' ? `Iterate with the index: \`for (const [${n}, item] of ${source}.entries())\`.` : `Use the callback's index parameter: \`${source}.forEach((item, ${n}) => …)\`.`,
    );
  }
}

export const manualIndex: Rule = {
  id: 'loop.manual-index',
  languages: JS_LANGUAGES,
  create(ctx) {
    return {
      for_statement(loop) {
        checkCStyle(ctx, loop);
      },
      for_in_statement(loop) {
        if (!isForOf(loop)) return;
        const right = loop.childForFieldName('right');
        checkCounter(ctx, loop, loop.childForFieldName('body'), 'for-of', right ? snippet(ctx, right, 30) : 'the items');
      },
      call_expression(node) {
        const cp = methodCall(node, ['forEach']);
        if (!cp) return;
        const fn = cp.args[0] ? strip(cp.args[0]) : null;
        const call = cp.call;
        const recv = cp.receiver;
        if (!fn || !recv || (fn.type !== 'arrow_function' && fn.type !== 'function_expression')) return;
        checkCounter(ctx, call, fn.childForFieldName('body'), 'forEach', snippet(ctx, recv, 30));
      },
    };
  },
};
