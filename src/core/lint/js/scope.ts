/**
 * Bindings of a JS/TS file: for a name, every declaration with its kind (`var`/`let`/`const`/parameter/…), the
 * scope it is visible in, its declared type and initialiser, and every place that assigns it. Rules use it to answer
 * questions syntax alone would guess at: is this `i` the per-iteration `let` of the loop or a `var` shared by all
 * iterations, is `seen` an array or a Set, does the loop reassign `cursor`.
 *
 * Analysis is lazy and per name: the identifier nodes of a name (from a per-file index built once from the node
 * model) are classified (declaration, write, read) with a short walk up their parents. A file pays only for the
 * names its rules ask about.
 */
import type { RuleContext } from '../rule.js';
import type { SyntaxNode } from '../syntaxMirror.js';
import { FUNCTION_TYPES, kids, logicalParent, strip } from './jsNodes.js';

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

const REFERENCE_LIST = ['identifier', 'shorthand_property_identifier', 'shorthand_property_identifier_pattern'];
const PATTERN_TYPES = new Set(['array_pattern', 'object_pattern', 'pair_pattern', 'rest_pattern', 'assignment_pattern', 'object_assignment_pattern', 'required_parameter', 'optional_parameter']);
const BLOCK_SCOPES = new Set(['statement_block', 'for_statement', 'for_in_statement', 'switch_body', 'class_static_block', 'program', 'catch_clause']);

interface Occurrence {
  readonly node: SyntaxNode;
  readonly decl: Omit<Binding, 'writes'> | null;
  readonly write: boolean;
}

/** The nearest function-like ancestor (or the program): the scope of `var` and parameters. */
function functionScope(node: SyntaxNode): SyntaxNode | null {
  let last: SyntaxNode = node;
  for (let n = node.parent; n; last = n, n = n.parent) if (FUNCTION_TYPES.has(n.type) || n.type === 'program') return n;
  return last;
}

/** The nearest block-like ancestor: the scope of `let`/`const`/`class`. */
function blockScope(node: SyntaxNode): SyntaxNode | null {
  let last: SyntaxNode = node;
  for (let n = node.parent; n; last = n, n = n.parent) if (BLOCK_SCOPES.has(n.type) || FUNCTION_TYPES.has(n.type)) return n;
  return last;
}

function kindOfDeclaration(decl: SyntaxNode): BindingKind {
  if (decl.type === 'variable_declaration') return 'var';
  const tok = decl.child(0)?.type;
  return tok === 'let' ? 'let' : 'const';
}

/** Classifies one occurrence of a name: a declaration (with its details), a write, or a plain read. */
function classify(id: SyntaxNode): Occurrence {
  // Climb out of destructuring patterns, remembering whether we were a default value (a read).
  let child = id;
  let p = id.parent;
  while (p && PATTERN_TYPES.has(p.type)) {
    if ((p.type === 'assignment_pattern' || p.type === 'object_assignment_pattern') && p.childForFieldName('right')?.startIndex === child.startIndex) return { node: id, decl: null, write: false };
    if ((p.type === 'required_parameter' || p.type === 'optional_parameter') && p.childForFieldName('value')?.startIndex === child.startIndex) return { node: id, decl: null, write: false };
    if (p.type === 'pair_pattern' && p.childForFieldName('value')?.startIndex !== child.startIndex) return { node: id, decl: null, write: false };
    child = p;
    p = p.parent;
  }
  if (!p) return { node: id, decl: null, write: false };
  const direct = child.startIndex === id.startIndex && child.endIndex === id.endIndex;
  const base = { name: id.text, id, declarator: null, type: null, init: null, loopHeader: null };
  switch (p.type) {
    case 'variable_declarator': {
      if (p.childForFieldName('name')?.startIndex !== child.startIndex) return { node: id, decl: null, write: false };
      const decl = p.parent;
      if (!decl) break;
      const kind = kindOfDeclaration(decl);
      const header = decl.parent && decl.parent.type === 'for_statement' && decl.parent.childForFieldName('initializer')?.startIndex === decl.startIndex ? decl.parent : null;
      const scope = kind === 'var' ? functionScope(p) : header ?? blockScope(p);
      if (!scope) break;
      const typeAnn = direct ? p.childForFieldName('type') : null;
      return { node: id, write: false, decl: { ...base, kind, scope, declarator: p, type: typeAnn ? (kids(typeAnn)[0] ?? null) : null, init: direct ? p.childForFieldName('value') : null, loopHeader: header } };
    }
    case 'formal_parameters': {
      const owner = p.parent;
      if (!owner || !FUNCTION_TYPES.has(owner.type)) return { node: id, decl: null, write: false };
      let typeNode: SyntaxNode | null = null;
      let def: SyntaxNode | null = null;
      const wrapper = id.parent;
      if (wrapper && (wrapper.type === 'required_parameter' || wrapper.type === 'optional_parameter') && wrapper.childForFieldName('pattern')?.startIndex === id.startIndex) {
        const t = wrapper.childForFieldName('type');
        typeNode = t ? (kids(t)[0] ?? null) : null;
        def = wrapper.childForFieldName('value');
      } else if (wrapper && wrapper.type === 'assignment_pattern' && wrapper.parent?.type === 'formal_parameters') {
        def = wrapper.childForFieldName('right');
      }
      return { node: id, write: false, decl: { ...base, kind: 'param', scope: owner, type: typeNode, init: def } };
    }
    case 'arrow_function':
      if (p.childForFieldName('parameter')?.startIndex === id.startIndex) return { node: id, write: false, decl: { ...base, kind: 'param', scope: p } };
      break;
    case 'function_declaration':
    case 'generator_function_declaration':
    case 'class_declaration':
    case 'abstract_class_declaration': {
      if (p.childForFieldName('name')?.startIndex !== id.startIndex) break;
      const scope = blockScope(p);
      if (!scope) break;
      const kind: BindingKind = p.type.includes('class') ? 'class' : 'function';
      return { node: id, write: false, decl: { ...base, kind, scope, init: p } };
    }
    case 'catch_clause':
      if (p.childForFieldName('parameter')?.startIndex === child.startIndex) return { node: id, write: false, decl: { ...base, kind: 'catch', scope: p } };
      break;
    case 'import_specifier': {
      const alias = p.childForFieldName('alias');
      const local = alias ?? p.childForFieldName('name');
      if (local?.startIndex !== id.startIndex) break;
      return { node: id, write: false, decl: { ...base, kind: 'import', scope: rootOf(p) } };
    }
    case 'import_clause':
    case 'namespace_import':
    case 'import_require_clause':
      return { node: id, write: false, decl: { ...base, kind: 'import', scope: rootOf(p) } };
    case 'for_in_statement': {
      if (p.childForFieldName('left')?.startIndex !== child.startIndex) break;
      const kindTok = p.childForFieldName('kind')?.type;
      if (!kindTok) return { node: id, decl: null, write: true };
      const kind: BindingKind = kindTok === 'var' ? 'var' : kindTok === 'let' ? 'let' : 'const';
      const scope = kind === 'var' ? functionScope(p) : p;
      if (!scope) break;
      return { node: id, write: false, decl: { ...base, kind, scope, loopHeader: p } };
    }
    case 'assignment_expression':
    case 'augmented_assignment_expression':
      if (p.childForFieldName('left')?.startIndex === child.startIndex && (direct || child.type === 'array_pattern' || child.type === 'object_pattern')) return { node: id, decl: null, write: true };
      break;
    default:
      break;
  }
  // Writes through wrappers: `(x as any) = 1`, `x!++`.
  const lp = logicalParent(id);
  if (lp && lp.type === 'update_expression') return { node: id, decl: null, write: true };
  if (lp && (lp.type === 'assignment_expression' || lp.type === 'augmented_assignment_expression')) {
    const left = lp.childForFieldName('left');
    if (left && strip(left).startIndex === id.startIndex && strip(left).endIndex === id.endIndex) return { node: id, decl: null, write: true };
  }
  return { node: id, decl: null, write: false };
}

function rootOf(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

export class ScopeTable {
  private readonly analysed = new Map<string, Binding[]>();
  private byName: Map<string, SyntaxNode[]> | undefined;

  constructor(private readonly ctx: RuleContext) {}

  /** Identifier nodes named `name` (the per-name index is built once per file, from the node model's type index). */
  private occurrences(name: string): SyntaxNode[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const n of this.ctx.syntax().ofType(REFERENCE_LIST)) {
        const key = this.ctx.textOf(n);
        let list = this.byName.get(key);
        if (!list) this.byName.set(key, (list = []));
        list.push(n);
      }
    }
    return this.byName.get(name) ?? [];
  }

  /** Every binding named `name` in the file, with its writes. */
  bindingsNamed(name: string): Binding[] {
    let out = this.analysed.get(name);
    if (out) return out;
    out = [];
    const writes: SyntaxNode[] = [];
    for (const node of this.occurrences(name)) {
      const occ = classify(node);
      if (occ.decl) out.push({ ...occ.decl, writes: [] });
      else if (occ.write) writes.push(node);
    }
    this.analysed.set(name, out);
    for (const w of writes) {
      const b = this.innermost(out, w.startIndex);
      if (b) b.writes.push(w);
    }
    // A `for (x of …)` / `for (var i in …)` head writes its binding on every iteration.
    for (const b of out) if (b.loopHeader && b.loopHeader.type === 'for_in_statement') b.writes.push(b.id);
    return out;
  }

  /**
   * The binding whose scope is the innermost one holding `at` (the first declared, among bindings of one scope).
   * Scopes are tree nodes, so their ranges nest: a binary search finds the last scope starting at or before `at`, and
   * the walk up its enclosing scopes ends at the answer — no scan of every binding of the name.
   */
  private innermost(list: readonly Binding[], at: number): Binding | undefined {
    if (list.length === 0) return undefined;
    const idx = this.scopeIndex(list);
    let lo = 0;
    let hi = idx.sorted.length - 1;
    let i = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((idx.sorted[mid] as Binding).scope.startIndex <= at) {
        i = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (; i >= 0; i = idx.parent[i] as number) {
      const b = idx.sorted[i] as Binding;
      if (at < b.scope.endIndex) return idx.sorted[idx.first[i] as number];
    }
    return undefined;
  }

  private readonly scopeIndexes = new WeakMap<readonly Binding[], { sorted: Binding[]; parent: number[]; first: number[] }>();

  /** Bindings by scope start (outer first), each with its enclosing binding scope and the first of its own scope. */
  private scopeIndex(list: readonly Binding[]): { sorted: Binding[]; parent: number[]; first: number[] } {
    let idx = this.scopeIndexes.get(list);
    if (idx) return idx;
    const order = list.map((b, k) => ({ b, k }));
    order.sort((x, y) => x.b.scope.startIndex - y.b.scope.startIndex || y.b.scope.endIndex - x.b.scope.endIndex || x.k - y.k);
    const sorted = order.map((o) => o.b);
    const parent: number[] = [];
    const first: number[] = [];
    const open: number[] = [];
    sorted.forEach((b, i) => {
      while (open.length > 0) {
        const top = sorted[open[open.length - 1] as number] as Binding;
        if (top.scope.startIndex <= b.scope.startIndex && b.scope.endIndex <= top.scope.endIndex) break;
        open.pop();
      }
      const p = open.length > 0 ? (open[open.length - 1] as number) : -1;
      parent.push(p);
      const same = p >= 0 && (sorted[p] as Binding).scope === b.scope;
      first.push(same ? (first[p] as number) : i);
      open.push(i);
    });
    idx = { sorted, parent, first };
    this.scopeIndexes.set(list, idx);
    return idx;
  }

  /** The binding an identifier refers to (or declares), or undefined for globals and unknown names. */
  resolve(ref: SyntaxNode): Binding | undefined {
    return this.resolveName(this.ctx.textOf(ref), ref.startIndex);
  }

  /** The binding `name` refers to at UTF-16 offset `at`. */
  resolveName(name: string, at: number): Binding | undefined {
    return this.innermost(this.bindingsNamed(name), at);
  }

  /** The binding declared by this identifier node, if it is a declaration. */
  declaredBy(id: SyntaxNode): Binding | undefined {
    const list = this.bindingsNamed(this.ctx.textOf(id));
    let byId = this.declarations.get(list);
    if (!byId) {
      byId = new Map();
      for (const b of list) if (!byId.has(b.id.startIndex)) byId.set(b.id.startIndex, b);
      this.declarations.set(list, byId);
    }
    return byId.get(id.startIndex);
  }

  private readonly declarations = new WeakMap<readonly Binding[], Map<number, Binding>>();

  /** Identifier nodes that refer to (or declare) `b`, in document order (computed once per binding). */
  refsOf(b: Binding): SyntaxNode[] {
    let refs = this.refs.get(b);
    if (!refs) {
      refs = this.occurrences(b.name).filter((n) => b.scope.startIndex <= n.startIndex && n.endIndex <= b.scope.endIndex && this.resolve(n) === b);
      this.refs.set(b, refs);
    }
    return refs;
  }

  private readonly refs = new WeakMap<Binding, SyntaxNode[]>();

  /** Writes of a binding that lie inside `node`. */
  writesWithin(b: Binding, node: { startIndex: number; endIndex: number }): SyntaxNode[] {
    return b.writes.filter((w) => node.startIndex <= w.startIndex && w.endIndex <= node.endIndex);
  }
}

/** The file's scope table (created on first use, shared by every JS rule in this lint). */
export function scopeTable(ctx: RuleContext): ScopeTable {
  return ctx.shared('js.scopeTable', () => new ScopeTable(ctx));
}
