/**
 * Language-aware tree helpers every rule needs: which nodes are loops and function boundaries per grammar, walking
 * from a node to its enclosing loop without crossing a function, and the body of a loop.
 */
import type { GrammarId } from './languages.js';

/**
 * What these helpers need from a node: satisfied by web-tree-sitter's `Node` and by `MirrorNode`, so each helper
 * works on either and returns the same kind of node it was given.
 */
export interface TreeNodeLike<N> {
  readonly type: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly parent: N | null;
  readonly namedChildCount: number;
  namedChild(index: number): N | null;
  childForFieldName(name: string): N | null;
}

const PY_LOOPS = new Set(['for_statement', 'while_statement']);
const JS_LOOPS = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement']);
const PY_FUNCTIONS = new Set(['function_definition', 'lambda', 'class_definition']);
/** JS-family node types that start a new function body (their `this`, `arguments` and `var` scope). */
export const JS_FUNCTION_TYPES: ReadonlySet<string> = new Set([
  'function_declaration',
  'function_expression',
  'function',
  'arrow_function',
  'method_definition',
  'generator_function',
  'generator_function_declaration',
]);
/** Function and class scopes ({@link functionTypes}). */
const JS_FUNCTIONS = new Set([...JS_FUNCTION_TYPES, 'class_declaration', 'class', 'abstract_class_declaration']);
const PY_COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

/** Node types that are loops in a grammar (`for…in`/`for…of` are `for_in_statement` in the JS grammars). */
export function loopTypes(grammar: GrammarId): ReadonlySet<string> {
  return grammar === 'python' ? PY_LOOPS : JS_LOOPS;
}

/** Node types that start a new function (or class) scope: loop-body walks stop there. */
export function functionTypes(grammar: GrammarId): ReadonlySet<string> {
  return grammar === 'python' ? PY_FUNCTIONS : JS_FUNCTIONS;
}

export function isLoop<N extends TreeNodeLike<N>>(node: N, grammar: GrammarId): boolean {
  return loopTypes(grammar).has(node.type);
}

/** Python comprehensions and generator expressions (implicit loops with their own scope). */
export function isComprehension<N extends TreeNodeLike<N>>(node: N): boolean {
  return PY_COMPREHENSIONS.has(node.type);
}

/** The body node of a loop (`body` field), or null. */
export function loopBody<N extends TreeNodeLike<N>>(loop: N): N | null {
  return loop.childForFieldName('body');
}

/**
 * The innermost loop whose BODY contains `node`, without crossing a function or class boundary (a closure defined in
 * a loop does not run per iteration). The loop header (`for x in <expr>`) is not the body: it runs once.
 * With `{ includeComprehensions: true }` a Python comprehension also counts as a loop.
 */
export function enclosingLoop<N extends TreeNodeLike<N>>(node: N, grammar: GrammarId, options: { includeComprehensions?: boolean } = {}): N | null {
  const loops = loopTypes(grammar);
  const fns = functionTypes(grammar);
  let child = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (loops.has(n.type)) {
      const body = loopBody(n);
      if (body && body.startIndex <= child.startIndex && child.endIndex <= body.endIndex) return n;
      // `while cond:` re-evaluates its condition each iteration: the condition counts as in-loop.
      if (n.type === 'while_statement' || n.type === 'do_statement') {
        const cond = n.childForFieldName('condition');
        if (cond && cond.startIndex <= child.startIndex && child.endIndex <= cond.endIndex) return n;
      }
    }
    if (options.includeComprehensions && isComprehension(n)) return n;
    if (fns.has(n.type)) return null;
  }
  return null;
}

/** Every loop (innermost first) whose body contains `node`, up to the nearest function boundary. */
export function enclosingLoops<N extends TreeNodeLike<N>>(node: N, grammar: GrammarId): N[] {
  const out: N[] = [];
  for (let loop = enclosingLoop(node, grammar); loop; loop = enclosingLoop(loop, grammar)) out.push(loop);
  return out;
}

/** The nearest enclosing function-like node (or class), or null at module level. */
export function enclosingFunction<N extends TreeNodeLike<N>>(node: N, grammar: GrammarId): N | null {
  const fns = functionTypes(grammar);
  for (let n = node.parent; n; n = n.parent) if (fns.has(n.type)) return n;
  return null;
}

/** True when `inner` lies within `outer` (inclusive). */
export function contains(outer: { startIndex: number; endIndex: number }, inner: { startIndex: number; endIndex: number }): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

/** Named children of a node, skipping comments. */
export function namedChildren<N extends TreeNodeLike<N>>(node: N): N[] {
  const out: N[] = [];
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i);
    if (c && c.type !== 'comment') out.push(c);
  }
  return out;
}

/** Removes one layer of parentheses (`parenthesized_expression`) repeatedly. */
export function unparenthesize<N extends TreeNodeLike<N>>(node: N): N {
  let n = node;
  while (n.type === 'parenthesized_expression') {
    const inner = namedChildren(n)[0];
    if (!inner) break;
    n = inner;
  }
  return n;
}
