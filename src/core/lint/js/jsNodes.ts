/**
 * Small syntax helpers shared by the TypeScript/JavaScript rules. They cover the three JS-family grammars
 * (typescript, tsx, javascript), which name a few nodes differently (TS wraps parameters in `required_parameter`,
 * JS puts class fields in `field_definition`, TS in `public_field_definition`).
 */
import type { LintLanguageId } from '../languages.js';
import type { RuleContext } from '../rule.js';
import { JS_FUNCTION_TYPES } from '../syntax.js';
import type { SyntaxNode } from '../syntaxMirror.js';

/** VS Code language ids every JS-family rule handles. */
export const JS_LANGUAGES: readonly LintLanguageId[] = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

/** Languages with TypeScript syntax (abstract classes, interfaces, access modifiers). */
export const TS_LANGUAGES: readonly LintLanguageId[] = ['typescript', 'typescriptreact'];

/** Node types that start a new function body (their `this`, `arguments` and `var` scope). */
export const FUNCTION_TYPES: ReadonlySet<string> = JS_FUNCTION_TYPES;

/** Node types whose body gets a fresh `this` (every function except arrows). */
const THIS_BOUNDARIES: ReadonlySet<string> = new Set([
  'function_declaration',
  'function_expression',
  'function',
  'method_definition',
  'generator_function',
  'generator_function_declaration',
  'class_body',
]);

export const CLASS_TYPES: ReadonlySet<string> = new Set(['class_declaration', 'class', 'abstract_class_declaration']);

export const STATEMENT_LOOP_TYPES: ReadonlySet<string> = new Set(['for_statement', 'for_in_statement', 'while_statement', 'do_statement']);

/** Field definitions in the TS (`public_field_definition`) and JS (`field_definition`) grammars. */
export const FIELD_TYPES: ReadonlySet<string> = new Set(['public_field_definition', 'field_definition']);

export function isFunction(node: SyntaxNode): boolean {
  return FUNCTION_TYPES.has(node.type);
}

export function isThisBoundary(node: SyntaxNode): boolean {
  return THIS_BOUNDARIES.has(node.type);
}

/** True when `node` has an anonymous child token `keyword` (e.g. `static`, `async`, `get`, `const`, `await`). */
export function hasKeyword(node: SyntaxNode, keyword: string): boolean {
  for (let i = 0; i < node.childCount; i++) {
    const c = node.child(i);
    if (c && !c.isNamed && c.type === keyword) return true;
  }
  return false;
}

/** Named children of a node, skipping comments. */
export function kids(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i);
    if (c && c.type !== 'comment') out.push(c);
  }
  return out;
}

/** The statement after `node` in its block (comments skipped), or null. */
export function nextStatement(node: SyntaxNode): SyntaxNode | null {
  let n = node.nextNamedSibling;
  while (n && n.type === 'comment') n = n.nextNamedSibling;
  return n;
}

/** The statement before `node` in its block (comments skipped), or null. */
export function previousStatement(node: SyntaxNode): SyntaxNode | null {
  let n = node.previousNamedSibling;
  while (n && n.type === 'comment') n = n.previousNamedSibling;
  return n;
}

/** Strips parentheses and TypeScript-only wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`) from an expression. */
export function strip(node: SyntaxNode): SyntaxNode {
  let n = node;
  for (;;) {
    if (n.type === 'parenthesized_expression' || n.type === 'non_null_expression' || n.type === 'as_expression' || n.type === 'satisfies_expression' || n.type === 'type_assertion') {
      const inner = n.type === 'type_assertion' ? kids(n)[1] : kids(n)[0];
      if (!inner) return n;
      n = inner;
      continue;
    }
    return n;
  }
}

/** The parent, skipping parentheses and TypeScript wrappers (the inverse of `strip`). */
export function logicalParent(node: SyntaxNode): SyntaxNode | null {
  let p = node.parent;
  while (p && (p.type === 'parenthesized_expression' || p.type === 'non_null_expression' || p.type === 'as_expression' || p.type === 'satisfies_expression' || p.type === 'type_assertion')) p = p.parent;
  return p;
}

/** `a.b` / `a?.b` parts of a member expression: object node and property name. */
export function memberParts(node: SyntaxNode): { object: SyntaxNode; property: string; propertyNode: SyntaxNode } | null {
  const n = strip(node);
  if (n.type !== 'member_expression') return null;
  const object = n.childForFieldName('object');
  const prop = n.childForFieldName('property');
  if (!object || !prop) return null;
  return { object, property: prop.text, propertyNode: prop };
}

/** Parts of a call `recv.method(args)`: receiver (null for plain calls), method/function name, argument nodes. */
export interface CallParts {
  readonly call: SyntaxNode;
  readonly callee: SyntaxNode;
  readonly receiver: SyntaxNode | null;
  readonly name: string;
  readonly args: SyntaxNode[];
  readonly argsNode: SyntaxNode | null;
}

/** `recv.name(…)` (also `recv?.name(…)`, `recv.name<T>(…)`) for one of `names`: its parts, else null. */
export function methodCall(node: SyntaxNode, names: readonly string[]): CallParts | null {
  const cp = callParts(node);
  return cp && cp.receiver && cp.callee.type === 'member_expression' && names.includes(cp.name) ? cp : null;
}

export function callParts(node: SyntaxNode): CallParts | null {
  const call = strip(node);
  if (call.type !== 'call_expression') return null;
  const callee = call.childForFieldName('function');
  const argsNode = call.childForFieldName('arguments');
  if (!callee) return null;
  const args = argsNode && argsNode.type === 'arguments' ? kids(argsNode) : [];
  const c = strip(callee);
  if (c.type === 'member_expression') {
    const m = memberParts(c);
    if (!m) return null;
    return { call, callee: c, receiver: m.object, name: m.property, args, argsNode };
  }
  if (c.type === 'identifier' || c.type === 'super' || c.type === 'import') return { call, callee: c, receiver: null, name: c.text, args, argsNode };
  return { call, callee: c, receiver: null, name: '', args, argsNode };
}

/** `new X(args)` parts: constructor name text (e.g. `Set`, `Intl.NumberFormat`) and arguments. */
export function newParts(node: SyntaxNode): { ctor: string; args: SyntaxNode[]; ctorNode: SyntaxNode } | null {
  const n = strip(node);
  if (n.type !== 'new_expression') return null;
  const ctorNode = n.childForFieldName('constructor');
  if (!ctorNode) return null;
  const argsNode = n.childForFieldName('arguments');
  return { ctor: ctorNode.text, ctorNode, args: argsNode ? kids(argsNode) : [] };
}

/** True for `this` (through parentheses/casts). */
export function isThis(node: SyntaxNode | null | undefined): boolean {
  return !!node && strip(node).type === 'this';
}

/** Statements of a block (or the single statement of a braceless body). */
export function statementsOf(body: SyntaxNode | null): SyntaxNode[] {
  if (!body) return [];
  if (body.type === 'statement_block' || body.type === 'program' || body.type === 'class_static_block') return kids(body);
  return [body];
}

/** The body of a function-like node: a statement block, or the expression of an arrow function. */
export function functionBody(fn: SyntaxNode): SyntaxNode | null {
  return fn.childForFieldName('body');
}

/** The parameter list node of a function-like node (arrow functions with one bare parameter return that identifier). */
export function parameterNodes(fn: SyntaxNode): SyntaxNode[] {
  const single = fn.childForFieldName('parameter');
  if (single) return [single];
  const params = fn.childForFieldName('parameters');
  return params ? kids(params) : [];
}

/** Binding identifiers declared by a parameter or destructuring pattern (TS wrappers included). */
export function patternNames(pattern: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  // An explicit stack (nested patterns can be arbitrarily deep); children are pushed in reverse to keep source order.
  const stack = [pattern];
  while (stack.length > 0) {
    const n = stack.pop() as SyntaxNode;
    switch (n.type) {
      case 'identifier':
      case 'shorthand_property_identifier_pattern':
        out.push(n);
        break;
      case 'required_parameter':
      case 'optional_parameter': {
        const p = n.childForFieldName('pattern');
        if (p) stack.push(p);
        break;
      }
      case 'assignment_pattern':
      case 'object_assignment_pattern': {
        const l = n.childForFieldName('left');
        if (l) stack.push(l);
        break;
      }
      case 'pair_pattern': {
        const v = n.childForFieldName('value');
        if (v) stack.push(v);
        break;
      }
      case 'rest_pattern':
      case 'object_pattern':
      case 'array_pattern': {
        const cs = kids(n);
        for (let i = cs.length - 1; i >= 0; i--) stack.push(cs[i] as SyntaxNode);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Plain name of a simple parameter (`x`, `x = 1`, `x: T`, `x?: T`), or null for patterns, rest and `this`. */
export function simpleParamName(param: SyntaxNode): string | null {
  let n = param;
  if (n.type === 'required_parameter' || n.type === 'optional_parameter') {
    const p = n.childForFieldName('pattern');
    if (!p) return null;
    n = p;
  }
  if (n.type === 'assignment_pattern') {
    const l = n.childForFieldName('left');
    if (!l) return null;
    n = l;
  }
  return n.type === 'identifier' ? n.text : null;
}

/** True when a parameter has a default value (`x = 1`), is optional (`x?`) or is a rest parameter (`...x`). */
export function isOptionalParam(param: SyntaxNode): boolean {
  if (param.type === 'optional_parameter' || param.type === 'assignment_pattern' || param.type === 'rest_pattern') return true;
  if (param.type === 'required_parameter') {
    if (param.childForFieldName('value')) return true;
    return param.childForFieldName('pattern')?.type === 'rest_pattern';
  }
  return false;
}

/** True for a rest parameter (`...args`). */
export function isRestParam(param: SyntaxNode): boolean {
  if (param.type === 'rest_pattern') return true;
  return param.type === 'required_parameter' && param.childForFieldName('pattern')?.type === 'rest_pattern';
}

/** True for TypeScript's `this: T` pseudo-parameter (not a real argument). */
export function isThisParam(param: SyntaxNode): boolean {
  return (param.type === 'required_parameter' || param.type === 'optional_parameter') && param.childForFieldName('pattern')?.type === 'this';
}

/** Identifier nodes (references, including `{ x }` shorthand) named `name` inside `within`, in document order. */
export function identifierRefs(ctx: RuleContext, within: SyntaxNode, name: string): SyntaxNode[] {
  if (!ctx.textOf(within).includes(name)) return [];
  const out: SyntaxNode[] = [];
  for (const n of ctx.syntax().descendantsOfType(within, REFERENCES)) if (ctx.textOf(n) === name) out.push(n);
  return out;
}

const REFERENCES = ['identifier', 'shorthand_property_identifier'];

/** Every identifier-like reference node inside `within` (used to test which names a subtree reads). */
export function allIdentifierRefs(ctx: RuleContext, within: SyntaxNode): SyntaxNode[] {
  return ctx.syntax().descendantsOfType(within, REFERENCES);
}

/** True when `inner` lies within `outer` (inclusive). */
export function within(outer: { startIndex: number; endIndex: number }, inner: { startIndex: number; endIndex: number }): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}

/** The nearest enclosing function-like node, or null at module level. */
export function enclosingFunctionNode(node: SyntaxNode): SyntaxNode | null {
  for (let n = node.parent; n; n = n.parent) if (FUNCTION_TYPES.has(n.type)) return n;
  return null;
}

/** The function whose `this` a `this` at `node` refers to (skipping arrows), or null at module level / class field. */
export function thisOwner(node: SyntaxNode): SyntaxNode | null {
  for (let n = node.parent; n; n = n.parent) if (THIS_BOUNDARIES.has(n.type)) return n;
  return null;
}

/** True when the expression is a literal whose value is known statically (string, number, regex, boolean, null, template without substitutions). */
export function isConstantLiteral(node: SyntaxNode): boolean {
  const n = strip(node);
  switch (n.type) {
    case 'string':
    case 'number':
    case 'regex':
    case 'true':
    case 'false':
    case 'null':
    case 'undefined':
      return true;
    case 'template_string':
      return !kids(n).some((c) => c.type === 'template_substitution');
    case 'unary_expression': {
      const a = n.childForFieldName('argument');
      return !!a && isConstantLiteral(a);
    }
    default:
      return false;
  }
}

/** True when the node is the target of an assignment, update, `delete` or a for-in/of head (it is written, not read). */
export function isWriteTarget(node: SyntaxNode): boolean {
  let p = logicalParent(node);
  if (!p) return false;
  // `[a[i]] = …`, `({ k: a[i] } = …)`, `[...a[i]] = …`: a target inside a destructuring pattern.
  let target = node;
  while (p && (p.type === 'array_pattern' || p.type === 'object_pattern' || p.type === 'pair_pattern' || p.type === 'rest_pattern' || (p.type === 'assignment_pattern' && sameNode(p.childForFieldName('left'), target)) || (p.type === 'object_assignment_pattern' && sameNode(p.childForFieldName('left'), target)))) {
    if (p.type === 'pair_pattern' && !sameNode(p.childForFieldName('value'), target)) return false;
    target = p;
    p = logicalParent(p);
  }
  if (!p) return false;
  if (target !== node) return (p.type === 'assignment_expression' && sameNode(p.childForFieldName('left'), target)) || p.type === 'for_in_statement';
  if ((p.type === 'assignment_expression' || p.type === 'augmented_assignment_expression') && sameNode(p.childForFieldName('left'), node)) return true;
  if (p.type === 'update_expression') return true;
  if (p.type === 'unary_expression' && p.child(0)?.type === 'delete') return true;
  if (p.type === 'for_in_statement' && sameNode(p.childForFieldName('left'), node)) return true;
  return false;
}

/** Node identity (kept from the tree-sitter days: nodes are unique objects now, but ranges also identify them). */
export function sameNode(a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean {
  if (!a || !b) return false;
  return a.id === b.id || (a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type);
}

/**
 * True when a block has no statements and no comment between its braces. (tree-sitter attaches a comment that
 * follows the closing brace on the same line to the block, so a plain text check would see it.)
 */
export function isEmptyBlock(block: SyntaxNode | null): boolean {
  if (!block) return true;
  let close = block.endIndex;
  for (let i = block.childCount - 1; i >= 0; i--) {
    const c = block.child(i);
    if (c && c.type === '}') {
      close = c.startIndex;
      break;
    }
  }
  for (let i = 0; i < block.namedChildCount; i++) {
    const c = block.namedChild(i);
    if (c && c.startIndex < close) return false;
  }
  return true;
}

/** Short source text for messages: first line, at most `max` characters. */
export function snippet(ctx: RuleContext, node: SyntaxNode, max = 40): string {
  const t = ctx.textOf(node).split('\n')[0] ?? '';
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** `[...x]` / `Array.from(x)` with one argument → x. */
export function copiedIterable(node: SyntaxNode): SyntaxNode | null {
  const n = strip(node);
  if (n.type === 'array') {
    const els = kids(n);
    if (els.length === 1 && els[0]!.type === 'spread_element') return kids(els[0]!)[0] ?? null;
    return null;
  }
  const cp = callParts(n);
  if (cp && cp.receiver?.text === 'Array' && cp.name === 'from' && cp.args.length === 1) return cp.args[0]!;
  return null;
}
