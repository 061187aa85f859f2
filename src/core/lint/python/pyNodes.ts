/**
 * Small syntax helpers for Python rules: call anatomy, statement lists, loop parts and the "does this loop body
 * change that name?" question most loop rules ask before claiming a value is the same on every iteration.
 */
import type { Range } from '../../schema/events.js';
import type { RuleContext } from '../rule.js';
import { namedChildren, unparenthesize } from '../syntax.js';
import type { MirrorNode } from '../syntaxMirror.js';
import type { PythonSemantics } from './scope.js';

export interface CallParts {
  /** Callee text as written (`re.compile`, `len`). */
  readonly callee: string;
  readonly fn: MirrorNode;
  /** For `obj.method(...)`: `obj`. */
  readonly object: MirrorNode | null;
  /** For `obj.method(...)`: `method`; for `name(...)`: `name`. */
  readonly method: string;
  readonly args: MirrorNode[];
  readonly kwargs: Map<string, MirrorNode>;
  /** True when the call has `*x` or `**x` arguments. */
  readonly hasSplat: boolean;
  /** True when the sole argument is a bare generator expression (`f(x for x in y)`). */
  readonly generatorArg: boolean;
}

const callCache = new WeakMap<MirrorNode, CallParts | null>();

/** The parts of a `call` node (memoised per node: several rules ask about every call). */
export function callParts(ctx: RuleContext, call: MirrorNode): CallParts | undefined {
  if (call.type !== 'call') return undefined;
  const cached = callCache.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const parts = computeCallParts(ctx, call);
  callCache.set(call, parts ?? null);
  return parts;
}

function computeCallParts(ctx: RuleContext, call: MirrorNode): CallParts | undefined {
  const fn = call.childForFieldName('function');
  const argList = call.childForFieldName('arguments');
  if (!fn || !argList) return undefined;
  const args: MirrorNode[] = [];
  const kwargs = new Map<string, MirrorNode>();
  let hasSplat = false;
  const generatorArg = argList.type === 'generator_expression';
  if (generatorArg) args.push(argList);
  else {
    for (const a of namedChildren(argList)) {
      if (a.type === 'keyword_argument') {
        const k = a.childForFieldName('name');
        const v = a.childForFieldName('value');
        if (k && v) kwargs.set(ctx.textOf(k), v);
      } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') hasSplat = true;
      else args.push(a);
    }
  }
  let object: MirrorNode | null = null;
  let method = ctx.textOf(fn);
  if (fn.type === 'attribute') {
    object = fn.childForFieldName('object');
    const attr = fn.childForFieldName('attribute');
    method = attr ? ctx.textOf(attr) : method;
  }
  return { callee: ctx.textOf(fn), fn, object, method, args, kwargs, hasSplat, generatorArg };
}

/**
 * The last name of a call's callee without taking the call apart: `f` for `f(…)`, `m` for `a.b.m(…)`, '' otherwise.
 * Handlers that run on every call use it to drop calls they cannot match before `callParts`.
 */
export function calleeName(ctx: RuleContext, call: MirrorNode): string {
  const fn = call.childForFieldName('function');
  if (!fn) return '';
  if (fn.type === 'identifier') return ctx.textOf(fn);
  if (fn.type !== 'attribute') return '';
  const attr = fn.childForFieldName('attribute');
  return attr ? ctx.textOf(attr) : '';
}

/** True when `call` calls the builtin `name` (not shadowed by a binding in the file). */
export function isBuiltinCall(ctx: RuleContext, sem: PythonSemantics, call: MirrorNode, names: string | readonly string[]): boolean {
  if (call.type !== 'call') return false;
  const fn = call.childForFieldName('function');
  if (!fn || fn.type !== 'identifier') return false;
  const name = ctx.textOf(fn);
  if (typeof names === 'string' ? name !== names : !names.includes(name)) return false;
  return sem.resolveScope(name, fn.startIndex) === null;
}

/** Statements of a block, without comments. */
export function statements(block: MirrorNode | null): MirrorNode[] {
  return block ? namedChildren(block) : [];
}

/** The expression of an expression statement, else null. */
export function expressionOf(stmt: MirrorNode | undefined): MirrorNode | null {
  if (!stmt || stmt.type !== 'expression_statement') return null;
  // The one named child that is not a comment (no array built: asked of every statement by several rules).
  let only: MirrorNode | null = null;
  for (const c of stmt.namedChildren) {
    if (c.type === 'comment') continue;
    if (only) return null;
    only = c;
  }
  return only;
}

export interface ForParts {
  readonly left: MirrorNode;
  readonly right: MirrorNode;
  readonly body: MirrorNode;
  readonly isAsync: boolean;
  readonly elseClause: MirrorNode | null;
}

export function forParts(ctx: RuleContext, node: MirrorNode): ForParts | undefined {
  if (node.type !== 'for_statement') return undefined;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const body = node.childForFieldName('body');
  if (!left || !right || !body) return undefined;
  const elseClause = namedChildren(node).find((c) => c.type === 'else_clause') ?? null;
  return { left, right: unparenthesize(right), body, isAsync: ctx.textOf(node).startsWith('async'), elseClause };
}

export function rangeOf(node: MirrorNode): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/** The header of a `for` loop, `for … in …`, as a range (the loop header is where loop-level findings go). */
export function forHeaderRange(node: MirrorNode): Range {
  const right = node.childForFieldName('right') ?? node;
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: right.endPosition.row, character: right.endPosition.column },
  };
}

/** The identifier at the root of `a.b[c].d()` (`a`), or null. */
export function rootName(ctx: RuleContext, expr: MirrorNode): string | null {
  let n: MirrorNode | null = unparenthesize(expr);
  while (n) {
    if (n.type === 'identifier') return ctx.textOf(n);
    if (n.type === 'attribute') n = n.childForFieldName('object');
    else if (n.type === 'subscript') n = n.childForFieldName('value');
    else if (n.type === 'call') n = n.childForFieldName('function');
    else return null;
  }
  return null;
}

/** True for literals whose value never changes and is hashable: strings, numbers, booleans, None, tuples of them. */
export function isConstant(ctx: RuleContext, node: MirrorNode): boolean {
  const n = unparenthesize(node);
  switch (n.type) {
    case 'string':
      return !namedChildren(n).some((c) => c.type === 'interpolation');
    case 'concatenated_string':
      return namedChildren(n).every((c) => isConstant(ctx, c));
    case 'integer':
    case 'float':
    case 'true':
    case 'false':
    case 'none':
      return true;
    case 'unary_operator': {
      const arg = n.childForFieldName('argument');
      return !!arg && (arg.type === 'integer' || arg.type === 'float');
    }
    case 'tuple':
      return namedChildren(n).every((c) => isConstant(ctx, c));
    default:
      return false;
  }
}

const MUTATING_METHODS = new Set([
  'append',
  'extend',
  'insert',
  'remove',
  'pop',
  'popitem',
  'clear',
  'sort',
  'reverse',
  'update',
  'add',
  'discard',
  'setdefault',
  'difference_update',
  'intersection_update',
  'symmetric_difference_update',
  '__setitem__',
  '__delitem__',
]);

/**
 * True when code inside `within` may change what `name` holds: rebinding it, storing into or deleting an item or
 * attribute of it, calling a mutating method on it, or passing it to any call (which may mutate it).
 */
export function mayMutate(ctx: RuleContext, sem: PythonSemantics, name: string, within: MirrorNode, options: { passingCounts?: boolean } = {}): boolean {
  const passing = options.passingCounts ?? true;
  for (const id of sem.identifiersIn(within.startIndex, within.endIndex)) {
    if (id.name !== name) continue;
    if (id.role === 'store' || id.role === 'augstore') return true;
    if (id.role !== 'load') continue;
    const parent = id.node.parent;
    if (!parent) continue;
    if (parent.type === 'attribute' && parent.childForFieldName('object')?.startIndex === id.start) {
      const grand = parent.parent;
      const attr = parent.childForFieldName('attribute');
      if (grand?.type === 'call' && attr && MUTATING_METHODS.has(ctx.textOf(attr))) return true;
      if (grand && isStoreTarget(grand, parent)) return true;
    } else if (parent.type === 'subscript' && parent.childForFieldName('value')?.startIndex === id.start) {
      const grand = parent.parent;
      if (grand && (isStoreTarget(grand, parent) || grand.type === 'delete_statement')) return true;
    } else if (parent.type === 'delete_statement') return true;
    else if (passing && (parent.type === 'argument_list' || parent.type === 'keyword_argument')) return true;
  }
  return false;
}

function isStoreTarget(parent: MirrorNode, child: MirrorNode): boolean {
  if (parent.type !== 'assignment' && parent.type !== 'augmented_assignment') return false;
  const left = parent.childForFieldName('left');
  return !!left && left.startIndex === child.startIndex && left.endIndex === child.endIndex;
}

/**
 * `break`, `continue`, `return` and `yield` statements that act on the loop whose body is `body` (not those inside
 * nested loops or functions; `return` inside nested loops still counts as it leaves every loop).
 */
export function loopExits(body: MirrorNode): { breaks: MirrorNode[]; continues: MirrorNode[]; returns: MirrorNode[] } {
  const out = { breaks: [] as MirrorNode[], continues: [] as MirrorNode[], returns: [] as MirrorNode[] };
  // The exit statements inside `body` come from the node model's type index; each decides by walking up to `body`.
  for (const c of body.mirror.descendantsOfType(body, EXIT_TYPES)) {
    let nestedLoop = false;
    let nestedFunction = false;
    for (let n = c.parent; n && n !== body; n = n.parent) {
      if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') {
        nestedFunction = true;
        break;
      }
      if (n.type === 'for_statement' || n.type === 'while_statement') nestedLoop = true;
    }
    if (nestedFunction) continue;
    if (c.type === 'return_statement') out.returns.push(c);
    else if (!nestedLoop) (c.type === 'break_statement' ? out.breaks : out.continues).push(c);
  }
  return out;
}

const EXIT_TYPES = ['break_statement', 'continue_statement', 'return_statement'];

/** Statements that precede `stmt` in its block, nearest first. */
export function previousStatements(stmt: MirrorNode): MirrorNode[] {
  const out: MirrorNode[] = [];
  for (let p = stmt.previousNamedSibling; p; p = p.previousNamedSibling) if (p.type !== 'comment') out.push(p);
  return out;
}

/** Simple `name = value` assignment statement parts, else undefined. */
export function simpleAssignment(ctx: RuleContext, stmt: MirrorNode): { name: string; nameNode: MirrorNode; value: MirrorNode | null; assign: MirrorNode } | undefined {
  const e = expressionOf(stmt);
  if (!e || e.type !== 'assignment') return undefined;
  const left = e.childForFieldName('left');
  if (!left || left.type !== 'identifier') return undefined;
  return { name: ctx.textOf(left), nameNode: left, value: e.childForFieldName('right'), assign: e };
}

/** The operator text of an augmented assignment (`+=`) or binary/comparison node's first operator token. */
export function operatorText(ctx: RuleContext, node: MirrorNode): string {
  // Operators are anonymous tokens, which the mirror does not copy: read the text between the first two operands
  // (comments stripped), e.g. `+=`, `in`, `not in`, `is not`.
  const kids = namedChildren(node);
  if (kids.length >= 2) return ctx.text.slice((kids[0] as MirrorNode).endIndex, (kids[1] as MirrorNode).startIndex).replace(/#.*$/gm, '').replace(/\s+/g, ' ').trim();
  return '';
}

/** True when the expression reads any of the given names (e.g. names a loop binds). */
export function readsAny(sem: PythonSemantics, expr: { startIndex: number; endIndex: number }, names: ReadonlySet<string>): boolean {
  for (const id of sem.identifiersIn(expr.startIndex, expr.endIndex)) {
    if ((id.role === 'load' || id.role === 'augstore') && names.has(id.name)) return true;
  }
  return false;
}

/** Names bound (any binding form) inside a node, e.g. a loop: its targets and every assignment in its body. */
export function namesBoundIn(sem: PythonSemantics, node: MirrorNode): Set<string> {
  const out = new Set<string>();
  for (const id of sem.identifiersIn(node.startIndex, node.endIndex)) if (id.role === 'store' || id.role === 'augstore') out.add(id.name);
  return out;
}
