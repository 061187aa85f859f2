/**
 * Bindings of a JS/TS file: every declared name with its kind (`var`/`let`/`const`/parameter/…), its scope, its
 * declared type and initialiser, and every place that writes it. Rules use it to answer questions syntax alone would
 * guess at: is this `i` the per-iteration `let` of the loop or a `var` shared by all iterations, is `seen` an array
 * or a Set, does the loop reassign `cursor`.
 *
 * Built once per file (`scopeTable(ctx)`), from two queries and pure range arithmetic: declarations and writes are
 * captured in bulk, then each is attached to the innermost enclosing scope by offsets, which avoids walking parent
 * chains through the wasm boundary.
 */
import type { RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../treeSitter.js';
import { FUNCTION_TYPES, kids, patternNames, strip } from './jsAst.js';
import { typeAlternation } from './jsGrammar.js';

export type BindingKind = 'var' | 'let' | 'const' | 'param' | 'function' | 'class' | 'import' | 'catch';

export interface Binding {
  readonly name: string;
  readonly kind: BindingKind;
  /** The declaring identifier. */
  readonly id: SyntaxNode;
  /** The node whose range the binding is visible in (function, block, for statement, catch clause or program). */
  readonly scope: SyntaxNode;
  /** The `variable_declarator`, for `var`/`let`/`const`. */
  readonly declarator: SyntaxNode | null;
  /** Declared type (the node inside `: T`), when the name is annotated directly. */
  readonly type: SyntaxNode | null;
  /** Initial value, when the name is the whole declarator target (`const x = value`), or a parameter default. */
  readonly init: SyntaxNode | null;
  /** The `for`/`for…in/of` statement when the name is declared in its header. */
  readonly loopHeader: SyntaxNode | null;
  /** Identifier nodes that assign the binding after its declaration (assignments, `++`, for-in/of heads). */
  readonly writes: SyntaxNode[];
}

interface ScopeRange {
  readonly node: SyntaxNode;
  readonly start: number;
  readonly end: number;
  /** Function-like or program: the scope of `var` and parameters. */
  readonly isFunction: boolean;
}

const SCOPE_TYPES = [
  'program',
  'statement_block',
  'for_statement',
  'for_in_statement',
  'catch_clause',
  'class_static_block',
  'switch_body',
  'function_declaration',
  'function_expression',
  'arrow_function',
  'method_definition',
  'generator_function',
  'generator_function_declaration',
];

export class ScopeTable {
  private readonly byName = new Map<string, Binding[]>();
  private readonly byDeclId = new Map<number, Binding>();

  constructor(readonly bindings: readonly Binding[]) {
    for (const b of bindings) {
      let list = this.byName.get(b.name);
      if (!list) this.byName.set(b.name, (list = []));
      list.push(b);
      this.byDeclId.set(b.id.startIndex, b);
    }
  }

  /** The binding an identifier refers to (or declares), or undefined for globals and unknown names. */
  resolve(ref: SyntaxNode): Binding | undefined {
    return this.resolveName(ref.text, ref.startIndex);
  }

  /** The binding `name` refers to at UTF-16 offset `at`. */
  resolveName(name: string, at: number): Binding | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    let best: Binding | undefined;
    for (const b of list) {
      if (b.scope.startIndex <= at && at < b.scope.endIndex) {
        if (!best || b.scope.startIndex > best.scope.startIndex || (b.scope.startIndex === best.scope.startIndex && b.scope.endIndex < best.scope.endIndex)) best = b;
      }
    }
    return best;
  }

  /** The binding declared by this identifier node, if it is a declaration. */
  declaredBy(id: SyntaxNode): Binding | undefined {
    const b = this.byDeclId.get(id.startIndex);
    return b && b.id.endIndex === id.endIndex ? b : undefined;
  }

  /** Writes of a binding that lie inside `node`. */
  writesWithin(b: Binding, node: { startIndex: number; endIndex: number }): SyntaxNode[] {
    return b.writes.filter((w) => node.startIndex <= w.startIndex && w.endIndex <= node.endIndex);
  }
}

/** The file's scope table (built on first use, shared by every JS rule in this lint). */
export function scopeTable(ctx: RuleContext): ScopeTable {
  return ctx.shared('js.scopeTable', () => buildScopeTable(ctx));
}

function buildScopeTable(ctx: RuleContext): ScopeTable {
  const g = ctx.grammar;
  const scopes: ScopeRange[] = ctx
    .query(typeAlternation(g, SCOPE_TYPES, 's'))
    .captures(ctx.root)
    .map((c) => ({ node: c.node, start: c.node.startIndex, end: c.node.endIndex, isFunction: c.node.type === 'program' || FUNCTION_TYPES.has(c.node.type) }));
  // Sorted by start, outer before inner for equal starts, so the last containing range is the innermost.
  scopes.sort((a, b) => a.start - b.start || b.end - a.end);

  const innermost = (at: number, pred: (s: ScopeRange) => boolean, exclude?: SyntaxNode): ScopeRange | undefined => {
    let best: ScopeRange | undefined;
    for (const s of scopes) {
      if (s.start > at) break;
      if (at < s.end && pred(s) && !(exclude && s.start === exclude.startIndex && s.end === exclude.endIndex)) best = s;
    }
    return best;
  };

  const pending: Array<Omit<Binding, 'writes'> & { writes: SyntaxNode[] }> = [];
  const add = (id: SyntaxNode, kind: BindingKind, scope: ScopeRange | undefined, extra: Partial<Pick<Binding, 'declarator' | 'type' | 'init' | 'loopHeader'>> = {}): void => {
    if (!scope) return;
    pending.push({
      name: id.text,
      kind,
      id,
      scope: scope.node,
      declarator: extra.declarator ?? null,
      type: extra.type ?? null,
      init: extra.init ?? null,
      loopHeader: extra.loopHeader ?? null,
      writes: [],
    });
  };

  const isTs = g !== 'javascript';
  const declQuery = [
    '(variable_declarator name: (_) @declarator.name) @declarator',
    '(function_declaration name: (identifier) @fn)',
    '(generator_function_declaration name: (identifier) @fn)',
    `(class_declaration name: (${isTs ? 'type_identifier' : 'identifier'}) @class)`,
    isTs ? '(abstract_class_declaration name: (type_identifier) @class)' : '',
    '(formal_parameters) @params',
    '(arrow_function parameter: (identifier) @arrowparam)',
    '(catch_clause parameter: (_) @catch)',
    '(import_specifier) @importspec',
    '(import_clause (identifier) @import)',
    '(namespace_import (identifier) @import)',
    isTs ? '(import_require_clause (identifier) @import)' : '',
    '(for_in_statement left: (_) @forleft) @forin',
  ].join('\n');

  for (const m of ctx.query(declQuery).matches(ctx.root)) {
    const cap = (name: string): SyntaxNode | undefined => m.captures.find((c) => c.name === name)?.node;
    const declarator = cap('declarator');
    if (declarator) {
      const nameNode = cap('declarator.name');
      const decl = declarator.parent;
      if (!nameNode || !decl) continue;
      const kindTok = decl.type === 'variable_declaration' ? 'var' : decl.child(0)?.type === 'const' ? 'const' : decl.child(0)?.type === 'let' ? 'let' : 'const';
      const kind = kindTok as BindingKind;
      const header = decl.parent && decl.parent.type === 'for_statement' && decl.parent.childForFieldName('initializer')?.startIndex === decl.startIndex ? decl.parent : null;
      const scope = kind === 'var' ? innermost(nameNode.startIndex, (s) => s.isFunction) : innermost(nameNode.startIndex, () => true);
      const typeAnn = declarator.childForFieldName('type');
      const init = declarator.childForFieldName('value');
      if (nameNode.type === 'identifier') {
        add(nameNode, kind, scope, { declarator, type: typeAnn ? (kids(typeAnn)[0] ?? null) : null, init, loopHeader: header });
      } else {
        for (const id of patternNames(nameNode)) add(id, kind, scope, { declarator, loopHeader: header });
      }
      continue;
    }
    const fn = cap('fn') ?? cap('class');
    if (fn) {
      const declNode = fn.parent;
      const kind: BindingKind = cap('fn') ? 'function' : 'class';
      add(fn, kind, declNode ? innermost(declNode.startIndex, () => true, declNode) : undefined, { init: declNode });
      continue;
    }
    const params = cap('params');
    if (params) {
      const owner = params.parent;
      if (!owner || !FUNCTION_TYPES.has(owner.type)) continue;
      const scope = innermost(params.startIndex, (s) => s.isFunction);
      for (const p of kids(params)) {
        const simple = p.type === 'required_parameter' || p.type === 'optional_parameter' ? p.childForFieldName('pattern') : p.type === 'assignment_pattern' ? p.childForFieldName('left') : p;
        const typeAnn = p.type === 'required_parameter' || p.type === 'optional_parameter' ? p.childForFieldName('type') : null;
        const def = p.type === 'assignment_pattern' ? p.childForFieldName('right') : p.type === 'required_parameter' || p.type === 'optional_parameter' ? p.childForFieldName('value') : null;
        if (simple && simple.type === 'identifier') add(simple, 'param', scope, { type: typeAnn ? (kids(typeAnn)[0] ?? null) : null, init: def });
        else for (const id of patternNames(p)) add(id, 'param', scope);
      }
      continue;
    }
    const arrowParam = cap('arrowparam');
    if (arrowParam) {
      add(arrowParam, 'param', innermost(arrowParam.startIndex, (s) => s.isFunction));
      continue;
    }
    const caught = cap('catch');
    if (caught) {
      const scope = innermost(caught.startIndex, (s) => s.node.type === 'catch_clause');
      for (const id of patternNames(caught)) add(id, 'catch', scope);
      continue;
    }
    const spec = cap('importspec');
    if (spec) {
      const local = spec.childForFieldName('alias') ?? spec.childForFieldName('name');
      if (local && local.type === 'identifier') add(local, 'import', scopes[0]);
      continue;
    }
    const imp = cap('import');
    if (imp) {
      add(imp, 'import', scopes[0]);
      continue;
    }
    const left = cap('forleft');
    const forin = cap('forin');
    if (left && forin) {
      const kindTok = forin.childForFieldName('kind')?.type;
      if (!kindTok) continue; // `for (x of xs)` assigns an existing binding: recorded as a write below
      const kind = (kindTok === 'var' ? 'var' : kindTok === 'let' ? 'let' : 'const') as BindingKind;
      const scope = kind === 'var' ? innermost(left.startIndex, (s) => s.isFunction) : innermost(left.startIndex, (s) => s.node.type === 'for_in_statement' && s.start === forin.startIndex);
      for (const id of patternNames(left)) add(id, kind, scope, { loopHeader: forin });
    }
  }

  const table = new ScopeTable(pending);

  const writeQuery = [
    '(assignment_expression left: (_) @w)',
    '(augmented_assignment_expression left: (_) @w)',
    '(update_expression argument: (_) @w)',
    '(for_in_statement left: (_) @w)',
  ].join('\n');
  for (const c of ctx.query(writeQuery).captures(ctx.root)) {
    const target = strip(c.node);
    const ids = target.type === 'identifier' ? [target] : target.type === 'object_pattern' || target.type === 'array_pattern' ? patternNames(target) : [];
    for (const id of ids) {
      const b = table.resolve(id);
      if (!b) continue;
      // A `for (const x of …)` head declares and writes each iteration: record it (closures care), but not as a
      // reassignment of a declaration elsewhere.
      if (b.id.startIndex === id.startIndex && b.kind !== 'var' && !b.loopHeader) continue;
      (b.writes as SyntaxNode[]).push(id);
    }
  }
  return table;
}
