/**
 * loop.manual-comprehension for TS/JS: a loop (`for…of`, `for…in`, an index `for`, or `forEach`) whose only job is to
 * fill a collection that was created empty right before it: `out.push(f(x))` (→ `map`/`filter`), `obj[k] = v`
 * (→ `Object.fromEntries`), `map.set(k, v)` (→ `new Map(…)`), `set.add(v)` (→ `new Set(…)`), optionally behind one
 * `if` or `if (…) continue;` filter. Not reported when the loop does anything else, reads the collection it is
 * building, fills a collection that already had content or came from elsewhere, or may stop early.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { callParts, identifierRefs, JS_LANGUAGES, kids, methodCall, newParts, snippet, statementsOf, strip, within } from '../../js/jsNodes.js';
import { kindOf } from '../../js/types.js';
import { callbackIteration, isForAwait, type Iteration } from '../../js/loops.js';
import { scopeTable, type Binding } from '../../js/scope.js';
import { indexOnlyReadsElement } from './manualIndex.js';

type Target = 'array' | 'object' | 'map' | 'set';

interface Fill {
  readonly node: SyntaxNode;
  readonly target: SyntaxNode;
  readonly kind: Target;
}

/** The collection kind an initialiser creates empty, or null. */
function emptyCollection(init: SyntaxNode | null): Target | null {
  if (!init) return null;
  const n = strip(init);
  if (n.type === 'array' && kids(n).length === 0) return 'array';
  if (n.type === 'object' && kids(n).length === 0) return 'object';
  const np = newParts(n);
  if (np && np.args.length === 0) {
    if (np.ctor === 'Map') return 'map';
    if (np.ctor === 'Set') return 'set';
    if (np.ctor === 'Array') return 'array';
  }
  return null;
}

/** Recognises the single filling statement (unwrapping one `if` without `else`). */
function fillOf(stmt: SyntaxNode): Fill | null {
  let s = stmt;
  if (s.type === 'if_statement') {
    if (s.childForFieldName('alternative')) return null;
    const cons = s.childForFieldName('consequence');
    const inner = statementsOf(cons);
    if (inner.length !== 1) return null;
    s = inner[0]!;
  }
  const expr = s.type === 'expression_statement' ? kids(s)[0] : s;
  if (!expr) return null;
  const e = strip(expr);
  const cp = callParts(e);
  if (cp && cp.receiver && strip(cp.receiver).type === 'identifier') {
    if (cp.name === 'push' && cp.args.length === 1 && cp.args[0]!.type !== 'spread_element') return { node: cp.call, target: strip(cp.receiver), kind: 'array' };
    if (cp.name === 'set' && cp.args.length === 2) return { node: cp.call, target: strip(cp.receiver), kind: 'map' };
    if (cp.name === 'add' && cp.args.length === 1) return { node: cp.call, target: strip(cp.receiver), kind: 'set' };
    return null;
  }
  if (e.type === 'assignment_expression') {
    const left = e.childForFieldName('left');
    if (left && left.type === 'subscript_expression') {
      const obj = left.childForFieldName('object');
      const index = left.childForFieldName('index');
      if (obj && strip(obj).type === 'identifier' && index && strip(index).type !== 'string' && strip(index).type !== 'number') return { node: e, target: strip(obj), kind: 'object' };
    }
  }
  return null;
}

/** Leading `if (…) continue;` guards are a filter; anything else in the body disqualifies the loop. */
function fillingStatement(stmts: SyntaxNode[]): SyntaxNode | null {
  const rest = [...stmts];
  while (rest.length > 1) {
    const s = rest[0]!;
    if (s.type !== 'if_statement' || s.childForFieldName('alternative')) return null;
    const cons = statementsOf(s.childForFieldName('consequence'));
    if (cons.length !== 1 || cons[0]!.type !== 'continue_statement' || cons[0]!.childForFieldName('label')) return null;
    rest.shift();
  }
  return rest.length === 1 ? rest[0]! : null;
}

/** The statement in `block` that contains `node` (the direct child of the block). */
function statementIn(block: SyntaxNode, node: SyntaxNode): SyntaxNode | null {
  for (const s of kids(block)) if (within(s, node)) return s;
  return null;
}

/**
 * The fix hint. `source.map(…)` only exists on arrays; for anything else (a Map, a Set, an iterator, an unknown value)
 * the hint uses `Array.from(source, …)`, which maps any iterable in one pass.
 */
function hint(kind: Target, target: string, source: string, sourceIsArray: boolean): string {
  const mapped = (fn: string): string => (sourceIsArray ? `${source}.map(${fn})` : `Array.from(${source}, ${fn})`);
  switch (kind) {
    case 'array':
      return sourceIsArray
        ? `Build it in one expression: \`const ${target} = ${source}.map(…)\` (with \`.filter(…)\` first when the loop skips items).`
        : `Build it in one expression: \`const ${target} = ${mapped('…')}\` (filter the items first when the loop skips some).`;
    case 'object':
      return `Build it in one expression: \`Object.fromEntries(${mapped('x => [key, value]')})\`.`;
    case 'map':
      return `Build it in one expression: \`new Map(${mapped('x => [key, value]')})\`.`;
    case 'set':
      return `Build it in one expression: \`new Set(${mapped('…')})\`.`;
  }
}

function check(ctx: RuleContext, it: Iteration, loopStatement: SyntaxNode, source: SyntaxNode | null): void {
  const body = it.body;
  if (!body) return;
  const stmts = body.type === 'statement_block' ? kids(body) : [body];
  const stmt = fillingStatement(stmts);
  if (!stmt) return;
  // An expression-bodied arrow (`x => out.push(x)`) is the fill itself.
  const fill = fillOf(stmt.type === 'expression_statement' || stmt.type === 'if_statement' ? stmt : stmt);
  if (!fill) return;
  if (ctx.textOf(fill.node).includes('await') || ctx.textOf(fill.node).includes('yield')) return;
  const table = scopeTable(ctx);
  const b: Binding | undefined = table.resolve(fill.target);
  if (!b || (b.kind !== 'const' && b.kind !== 'let' && b.kind !== 'var') || !b.declarator) return;
  if (emptyCollection(b.init) !== fill.kind) return;
  if (b.writes.length > 0) return;
  // The collection is declared in the same block as the loop, and untouched between declaration and loop.
  const block = loopStatement.parent;
  if (!block || !within(block, b.declarator)) return;
  const declStmt = statementIn(block, b.declarator);
  if (!declStmt || declStmt.endIndex > loopStatement.startIndex) return;
  const name = ctx.textOf(fill.target);
  const between = { startIndex: declStmt.endIndex, endIndex: loopStatement.startIndex };
  const refs = identifierRefs(ctx, block, name).filter((r) => table.resolve(r) === b);
  if (refs.some((r) => r.startIndex >= between.startIndex && r.endIndex <= between.endIndex)) return;
  // Inside the loop, the only mention is the fill's receiver.
  const inLoop = refs.filter((r) => within(loopStatement, r));
  if (inLoop.length !== 1 || inLoop[0]!.startIndex !== fill.target.startIndex) return;
  const src = source ? snippet(ctx, source, 30) : 'the items';
  const sourceIsArray = source !== null && kindOf(ctx, source) === 'array';
  ctx.report(fill.node, `The loop only fills \`${name}\` from \`${src}\`, one item at a time`, hint(fill.kind, name, src, sourceIsArray));
}

/** `xs.reduce((acc, x) => { acc[k] = v; return acc; }, {})` — a fill written as a reduce. */
function checkReduce(ctx: RuleContext, fn: SyntaxNode): void {
  const args = fn.parent;
  const call = args && args.type === 'arguments' ? args.parent : null;
  const cp = call ? callParts(call) : null;
  if (!cp || !cp.receiver || cp.name !== 'reduce' || cp.args.length !== 2 || strip(cp.args[0]!).startIndex !== fn.startIndex) return;
  const kind = emptyCollection(cp.args[1]!);
  if (!kind) return;
  const params = fn.childForFieldName('parameters');
  const first = params ? kids(params)[0] : fn.childForFieldName('parameter');
  const acc = first ? (first.type === 'required_parameter' ? first.childForFieldName('pattern') : first) : null;
  if (!acc || acc.type !== 'identifier') return;
  const body = fn.childForFieldName('body');
  if (!body || body.type !== 'statement_block') return;
  const stmts = kids(body);
  if (stmts.length !== 2) return;
  const ret = stmts[1]!;
  if (ret.type !== 'return_statement' || ctx.textOf(kids(ret)[0] ?? ret).trim() !== acc.text) return;
  const fill = fillOf(stmts[0]!);
  if (!fill || fill.kind !== kind || fill.target.text !== acc.text) return;
  // The fill must not read the accumulator (grouping, counting).
  const fillArgs = fill.node.type === 'call_expression' ? (fill.node.childForFieldName('arguments') ?? fill.node) : (fill.node.childForFieldName('right') ?? fill.node);
  if (identifierRefs(ctx, fillArgs, acc.text).length > 0) return;
  if (fill.node.type === 'assignment_expression') {
    const idx = fill.node.childForFieldName('left')?.childForFieldName('index');
    if (idx && identifierRefs(ctx, idx, acc.text).length > 0) return;
  }
  const src = snippet(ctx, cp.receiver, 30);
  // `reduce` exists only on arrays, so its receiver is one.
  ctx.report(fill.node, `The \`reduce\` over \`${src}\` only fills \`${acc.text}\`, one item at a time`, hint(fill.kind, acc.text, src, true));
}

export const manualComprehension: Rule = {
  id: 'loop.manual-comprehension',
  languages: JS_LANGUAGES,
  create(ctx) {
    return {
      'for_in_statement, for_statement'(loop) {
        if (isForAwait(loop)) return;
        let source: SyntaxNode | null = loop.childForFieldName('right');
        if (loop.type === 'for_statement') {
          // Only index loops over a collection (`i < xs.length`): other `for` loops have no source to map.
          const cond = loop.childForFieldName('condition');
          const len = cond ? /\b([\w$.]+)\.length\b/.exec(ctx.textOf(cond)) : null;
          if (!len) return;
          source = cond ? (ctx.syntax().descendantsOfType(cond, 'member_expression').find((m) => m.childForFieldName('property')?.text === 'length')?.childForFieldName('object') ?? null) : null;
          // The index must only read `xs[i]`: `xs[i + 1] - xs[i]` is not a per-element map.
          const init = loop.childForFieldName('initializer');
          const idx = init ? kids(init).find((k) => k.type === 'variable_declarator')?.childForFieldName('name') : null;
          const body = loop.childForFieldName('body');
          const b = idx ? scopeTable(ctx).declaredBy(idx) : undefined;
          if (!source || !idx || !body || !b || !indexOnlyReadsElement(ctx, body, idx.text, ctx.textOf(strip(source)), b)) return;
        }
        check(ctx, { kind: 'statement', node: loop, body: loop.childForFieldName('body') }, loop, source);
      },
      call_expression(node) {
        reduceCall(node);
        forEachCall(node);
      },
    };
    function reduceCall(node: SyntaxNode): void {
      const cp = methodCall(node, ['reduce']);
      if (!cp) return;
      const fn = cp.args[0] ? strip(cp.args[0]) : null;
      if (fn && (fn.type === 'arrow_function' || fn.type === 'function_expression')) checkReduce(ctx, fn);
    }
    function forEachCall(node: SyntaxNode): void {
      const cp = methodCall(node, ['forEach']);
      if (!cp) return;
      const fn = cp.args[0] ? strip(cp.args[0]) : null;
      const call = cp.call;
      if (!fn || (fn.type !== 'arrow_function' && fn.type !== 'function_expression')) return;
      const it = callbackIteration(fn);
      if (!it) return;
      const stmt = call.parent;
      if (!stmt || stmt.type !== 'expression_statement') return;
      check(ctx, it, stmt, it.receiver);
    }
  },
};
