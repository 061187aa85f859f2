/**
 * Iteration in JS/TS comes in two shapes: loop statements (`for`, `for…of`, `for…in`, `while`, `do`) and callbacks
 * passed to array iteration methods (`xs.map(x => …)`, `xs.forEach(…)`). Rules about "work repeated per element"
 * treat both alike; rules about control flow (`break`, `await`) only apply to statements.
 */
import type { SyntaxNode } from '../syntaxMirror.js';
import { FUNCTION_TYPES, CLASS_TYPES, callParts, hasKeyword, kids, logicalParent, strip, type CallParts } from './jsNodes.js';

/** Array (and Map/Set) methods that call their first argument once per element. */
export const ITERATION_METHODS: ReadonlySet<string> = new Set([
  'forEach',
  'map',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
]);

export interface StatementIteration {
  readonly kind: 'statement';
  /** The loop statement. */
  readonly node: SyntaxNode;
  readonly body: SyntaxNode | null;
}

export interface CallbackIteration {
  readonly kind: 'callback';
  /** The callback function (arrow function or function expression). */
  readonly node: SyntaxNode;
  readonly body: SyntaxNode | null;
  /** The `xs.method(cb)` call. */
  readonly call: CallParts;
  /** The collection iterated (`xs`). */
  readonly receiver: SyntaxNode;
}

export type Iteration = StatementIteration | CallbackIteration;

/** True for a loop statement node. */
export function isLoopStatement(node: SyntaxNode): boolean {
  return node.type === 'for_statement' || node.type === 'for_in_statement' || node.type === 'while_statement' || node.type === 'do_statement';
}

/** `for…of` (as opposed to `for…in`) — both are `for_in_statement` in the grammar. */
export function isForOf(node: SyntaxNode): boolean {
  return node.type === 'for_in_statement' && node.childForFieldName('operator')?.type === 'of';
}

export function isForIn(node: SyntaxNode): boolean {
  return node.type === 'for_in_statement' && node.childForFieldName('operator')?.type === 'in';
}

/** `for await (…)`. */
export function isForAwait(node: SyntaxNode): boolean {
  return node.type === 'for_in_statement' && hasKeyword(node, 'await');
}

/** When `fn` is the callback of an iteration method call (`xs.map(fn)`), that call. */
export function iterationCallOf(fn: SyntaxNode): CallParts | null {
  if (fn.type !== 'arrow_function' && fn.type !== 'function_expression' && fn.type !== 'function') return null;
  const args = logicalParent(fn);
  if (!args || args.type !== 'arguments') return null;
  const call = args.parent;
  if (!call) return null;
  const cp = callParts(call);
  if (!cp || !cp.receiver || !ITERATION_METHODS.has(cp.name)) return null;
  const first = cp.args[0];
  if (!first || strip(first).startIndex !== fn.startIndex) return null;
  return cp;
}

/** The iteration a function node represents, if it is an iteration callback. */
export function callbackIteration(fn: SyntaxNode): CallbackIteration | null {
  const cp = iterationCallOf(fn);
  if (!cp || !cp.receiver) return null;
  return { kind: 'callback', node: fn, body: fn.childForFieldName('body'), call: cp, receiver: cp.receiver };
}

function statementIteration(loop: SyntaxNode, child: SyntaxNode): StatementIteration | null {
  const body = loop.childForFieldName('body');
  if (body && body.startIndex <= child.startIndex && child.endIndex <= body.endIndex) return { kind: 'statement', node: loop, body };
  // Conditions and updates run every iteration too.
  if (loop.type === 'while_statement' || loop.type === 'do_statement') {
    const cond = loop.childForFieldName('condition');
    if (cond && cond.startIndex <= child.startIndex && child.endIndex <= cond.endIndex) return { kind: 'statement', node: loop, body };
  }
  if (loop.type === 'for_statement') {
    for (const f of ['condition', 'increment']) {
      const part = loop.childForFieldName(f);
      if (part && part.startIndex <= child.startIndex && child.endIndex <= part.endIndex) return { kind: 'statement', node: loop, body };
    }
  }
  return null;
}

/**
 * The innermost iteration whose per-element part contains `node`: a loop body (or re-evaluated condition), or an
 * iteration callback. Stops at any other function or class boundary: code in a nested function does not run per
 * iteration of an outer loop unless that function is itself an iteration callback.
 */
export function enclosingIteration(node: SyntaxNode, options: { statementsOnly?: boolean } = {}): Iteration | null {
  let child = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (isLoopStatement(n)) {
      const it = statementIteration(n, child);
      if (it) return it;
    } else if (FUNCTION_TYPES.has(n.type)) {
      if (options.statementsOnly) return null;
      return callbackIteration(n);
    } else if (CLASS_TYPES.has(n.type)) {
      return null;
    }
  }
  return null;
}

/** Every iteration enclosing `node`, innermost first (walking through iteration callbacks). */
export function enclosingIterations(node: SyntaxNode): Iteration[] {
  const out: Iteration[] = [];
  for (let it = enclosingIteration(node); it; it = enclosingIteration(it.node)) out.push(it);
  return out;
}

/** Names bound per element by an iteration: `for (const [k, v] of …)` gives k, v; `xs.map((x, i) => …)` gives x, i. */
export function iterationParams(it: Iteration): SyntaxNode[] {
  if (it.kind === 'callback') {
    const single = it.node.childForFieldName('parameter');
    if (single) return [single];
    const params = it.node.childForFieldName('parameters');
    return params ? kids(params) : [];
  }
  return [];
}
