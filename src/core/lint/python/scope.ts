/**
 * Python scopes and bindings for one file, built from two tree-sitter queries (binding sites and identifiers) and
 * then answered from plain JS arrays, so rules ask "what is this name bound to here?" without walking the tree.
 *
 * Modelled on Python's rules: module, class, function, lambda and comprehension scopes; class scopes are invisible
 * to functions nested in them; `global`/`nonlocal` redirect a name. What a name holds is inferred only when every
 * binding of it in its scope agrees (one `x = []` and one `x = f()` make `x` unknown): precision over recall.
 */
import type { RuleContext } from '../rule.js';
import type { MirrorNode } from '../syntaxMirror.js';
import { namedChildren } from '../syntax.js';
import { firstIndex } from '../../util/search.js';

export type PyScopeKind = 'module' | 'class' | 'function' | 'lambda' | 'comprehension';

export type PyBindingKind =
  | 'param'
  | 'assign'
  | 'augassign'
  | 'for'
  | 'comprehension-for'
  | 'with'
  | 'except'
  | 'import'
  | 'def'
  | 'class'
  | 'walrus'
  | 'other';

export interface PyBinding {
  readonly name: string;
  readonly kind: PyBindingKind;
  /** The identifier node that is bound. */
  readonly node: MirrorNode;
  /** For `name = value` (the whole target is the name): the value; for parameters: the default; else null. */
  readonly value: MirrorNode | null;
  /** Type annotation (parameters and annotated assignments), else null. */
  readonly annotation: MirrorNode | null;
  /** The statement or construct that binds (assignment, for_statement, function_definition, …). */
  readonly site: MirrorNode;
  readonly scope: PyScope;
}

export interface PyScope {
  readonly kind: PyScopeKind;
  readonly node: MirrorNode;
  /** UTF-16 range the scope's own names live in (a function's starts at its parameters). */
  readonly start: number;
  readonly end: number;
  readonly parent: PyScope | null;
  readonly children: PyScope[];
  readonly bindings: Map<string, PyBinding[]>;
  readonly globals: Set<string>;
  readonly nonlocals: Set<string>;
}

export type IdentifierRole = 'load' | 'store' | 'augstore' | 'attr' | 'kwarg' | 'other';

export interface PyIdentifier {
  readonly node: MirrorNode;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly role: IdentifierRole;
}

/** What a value is, as far as the file shows. */
export type ValueKind = 'list' | 'tuple' | 'set' | 'dict' | 'str' | 'bytes' | 'number' | 'bool' | 'none' | 'generator' | 'function' | 'unknown';

/** Identifier nodes bound by an assignment/for target pattern (attributes and subscripts bind no name). */
export function targetNames(target: MirrorNode): MirrorNode[] {
  switch (target.type) {
    case 'identifier':
      return [target];
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'tuple':
    case 'list':
    case 'list_splat_pattern':
    case 'list_splat':
    case 'parenthesized_expression':
    case 'as_pattern_target':
      return namedChildren(target).flatMap(targetNames);
    default:
      return [];
  }
}

export interface PyParam {
  readonly name: string;
  readonly node: MirrorNode;
  readonly kind: 'positional' | 'vararg' | 'kwonly' | 'kwarg';
  /** Declared before a `/` separator. */
  readonly positionalOnly: boolean;
  readonly defaultValue: MirrorNode | null;
  readonly annotation: MirrorNode | null;
}

/** The parameters of a `function_definition` or `lambda`, in order. */
export function paramsOf(fn: MirrorNode): PyParam[] {
  const list = fn.childForFieldName('parameters');
  if (!list) return [];
  const out: PyParam[] = [];
  let afterStar = false;
  const raw: { name: string; node: MirrorNode; kind: PyParam['kind']; defaultValue: MirrorNode | null; annotation: MirrorNode | null }[] = [];
  let slashAt = -1;
  for (const p of namedChildren(list)) {
    let nameNode: MirrorNode | null = null;
    let kind: PyParam['kind'] = afterStar ? 'kwonly' : 'positional';
    let defaultValue: MirrorNode | null = null;
    let annotation: MirrorNode | null = null;
    switch (p.type) {
      case 'identifier':
        nameNode = p;
        break;
      case 'typed_parameter': {
        const inner = namedChildren(p)[0] ?? null;
        annotation = p.childForFieldName('type');
        if (inner?.type === 'identifier') nameNode = inner;
        else if (inner?.type === 'list_splat_pattern') {
          nameNode = namedChildren(inner)[0] ?? null;
          kind = 'vararg';
          afterStar = true;
        } else if (inner?.type === 'dictionary_splat_pattern') {
          nameNode = namedChildren(inner)[0] ?? null;
          kind = 'kwarg';
        }
        break;
      }
      case 'default_parameter':
      case 'typed_default_parameter':
        nameNode = p.childForFieldName('name');
        defaultValue = p.childForFieldName('value');
        annotation = p.childForFieldName('type');
        break;
      case 'list_splat_pattern':
        nameNode = namedChildren(p)[0] ?? null;
        kind = 'vararg';
        afterStar = true;
        break;
      case 'dictionary_splat_pattern':
        nameNode = namedChildren(p)[0] ?? null;
        kind = 'kwarg';
        break;
      case 'keyword_separator':
        afterStar = true;
        continue;
      case 'positional_separator':
        slashAt = raw.length;
        continue;
      default:
        continue;
    }
    if (nameNode && nameNode.type === 'identifier') raw.push({ name: nameNode.text, node: nameNode, kind, defaultValue, annotation });
  }
  raw.forEach((r, i) => out.push({ ...r, positionalOnly: i < slashAt }));
  return out;
}

function scopeKindOf(node: MirrorNode): PyScopeKind {
  switch (node.type) {
    case 'function_definition':
      return 'function';
    case 'lambda':
      return 'lambda';
    case 'class_definition':
      return 'class';
    case 'module':
      return 'module';
    default:
      return 'comprehension';
  }
}

const SCOPE_TYPES = ['function_definition', 'lambda', 'class_definition', 'list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression'];
const BINDING_TYPES = [
  'assignment',
  'augmented_assignment',
  'for_statement',
  'for_in_clause',
  'function_definition',
  'lambda',
  'class_definition',
  'import_statement',
  'import_from_statement',
  'named_expression',
  'with_item',
  'except_clause',
];

function newScope(node: MirrorNode, start: number, end: number, parent: PyScope | null): PyScope {
  return { kind: scopeKindOf(node), node, start, end, parent, children: [], bindings: new Map(), globals: new Set(), nonlocals: new Set() };
}

/** Identifiers of one name, in document order: all of them and per role. */
interface NameIndex {
  readonly all: PyIdentifier[];
  readonly byRole: Map<IdentifierRole, PyIdentifier[]>;
}

/** Semantic model of one Python file. Get it with `pythonSemantics(ctx)`; it is built once per lint. */
export class PythonSemantics {
  readonly module: PyScope;
  /** Identifiers in document order. */
  readonly identifiers: PyIdentifier[] = [];
  private readonly scopesByNodeId = new Map<number, PyScope>();
  private readonly storeRoles = new Map<number, IdentifierRole>();
  private readonly kindCache = new Map<string, ValueKind>();

  constructor(private readonly ctx: RuleContext) {
    const m = ctx.syntax();
    this.module = newScope(m.root, 0, ctx.text.length, null);
    // Scopes, parents before children (pre-order), then bindings, then identifiers with their roles.
    const scopeNodes = m.ofType(SCOPE_TYPES).map((n) => {
      let start = n.startIndex;
      if (n.type === 'function_definition') start = (n.childForFieldName('parameters') ?? n).startIndex;
      else if (n.type === 'class_definition') start = (n.childForFieldName('body') ?? n).startIndex;
      return { node: n, start, end: n.endIndex };
    });
    scopeNodes.sort((a, b) => a.start - b.start || b.end - a.end);
    const stack: PyScope[] = [this.module];
    for (const s of scopeNodes) {
      while (stack.length > 1 && (stack[stack.length - 1] as PyScope).end <= s.start) stack.pop();
      const parent = stack[stack.length - 1] as PyScope;
      const scope = newScope(s.node, s.start, s.end, parent);
      parent.children.push(scope);
      this.scopesByNodeId.set(s.node.id, scope);
      stack.push(scope);
    }
    // `global`/`nonlocal` first: they decide where later bindings in the same scope go.
    for (const n of m.ofType(['global_statement', 'nonlocal_statement'])) this.collectBindings(n);
    for (const n of m.ofType(BINDING_TYPES)) this.collectBindings(n);
    for (const node of m.ofType('identifier')) {
      const start = node.startIndex;
      const parent = node.parent;
      let role: IdentifierRole;
      if (parent?.type === 'attribute' && node.field === 'attribute') role = 'attr';
      else if (parent?.type === 'keyword_argument' && node.field === 'name') role = 'kwarg';
      else role = this.storeRoles.get(start) ?? 'load';
      this.identifiers.push({ node, name: ctx.text.slice(start, node.endIndex), start, end: node.endIndex, role });
    }
  }

  private bind(name: MirrorNode, kind: PyBindingKind, site: MirrorNode, value: MirrorNode | null, annotation: MirrorNode | null, role: IdentifierRole = 'store'): void {
    this.storeRoles.set(name.startIndex, role);
    const scope = this.scopeAt(name.startIndex);
    const text = this.ctx.textOf(name);
    // `global x` in a function sends its bindings to the module scope.
    let target = scope;
    if (scope.globals.has(text)) target = this.module;
    let list = target.bindings.get(text);
    if (!list) target.bindings.set(text, (list = []));
    list.push({ name: text, kind, node: name, value, annotation, site, scope: target });
  }

  private collectBindings(site: MirrorNode): void {
    const bindImports = (n: MirrorNode): void => {
      if (n.type === 'aliased_import') {
        const alias = n.childForFieldName('alias');
        if (alias) this.bind(alias, 'import', site, null, null);
      } else if (n.type === 'dotted_name') {
        const head = namedChildren(n)[0];
        if (head) this.bind(head, 'import', site, null, null);
      }
    };
    switch (site.type) {
      case 'assignment': {
        const left = site.childForFieldName('left');
        if (!left) return;
        let value = site.childForFieldName('right');
        while (value && value.type === 'assignment') value = value.childForFieldName('right');
        const annotation = site.childForFieldName('type');
        if (left.type === 'identifier') {
          this.bind(left, 'assign', site, value, annotation);
          return;
        }
        // `a, b = [], {}`: pair names with the elements of a same-length tuple on the right.
        const unpacking = left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern';
        const names = unpacking ? namedChildren(left) : [];
        const values = unpacking && value && (value.type === 'expression_list' || value.type === 'tuple') ? namedChildren(value) : [];
        const paired = names.length > 0 && values.length === names.length && names.every((n) => n.type === 'identifier');
        if (paired) names.forEach((n, i) => this.bind(n, 'assign', site, values[i] ?? null, null));
        else for (const n of targetNames(left)) this.bind(n, 'assign', site, null, null);
        return;
      }
      case 'augmented_assignment': {
        const left = site.childForFieldName('left');
        if (left?.type === 'identifier') this.bind(left, 'augassign', site, site.childForFieldName('right'), null, 'augstore');
        return;
      }
      case 'for_statement':
      case 'for_in_clause': {
        const left = site.childForFieldName('left');
        if (left) for (const n of targetNames(left)) this.bind(n, site.type === 'for_statement' ? 'for' : 'comprehension-for', site, null, null);
        return;
      }
      case 'function_definition': {
        const name = site.childForFieldName('name');
        if (name) this.bind(name, 'def', site, site, null);
        for (const p of paramsOf(site)) this.bind(p.node, 'param', site, p.defaultValue, p.annotation);
        return;
      }
      case 'lambda':
        for (const p of paramsOf(site)) this.bind(p.node, 'param', site, p.defaultValue, p.annotation);
        return;
      case 'class_definition': {
        const name = site.childForFieldName('name');
        if (name) this.bind(name, 'class', site, site, null);
        return;
      }
      case 'import_statement':
        for (const n of namedChildren(site)) bindImports(n);
        return;
      case 'import_from_statement': {
        const moduleName = site.childForFieldName('module_name');
        for (const n of namedChildren(site)) if (n !== moduleName) bindImports(n);
        return;
      }
      case 'global_statement':
      case 'nonlocal_statement': {
        for (const n of namedChildren(site)) {
          if (n.type !== 'identifier') continue;
          this.storeRoles.set(n.startIndex, 'other');
          const scope = this.scopeAt(n.startIndex);
          (site.type === 'global_statement' ? scope.globals : scope.nonlocals).add(this.ctx.textOf(n));
        }
        return;
      }
      case 'named_expression': {
        const name = site.childForFieldName('name');
        // PEP 572: a walrus in a comprehension binds in the enclosing function scope (approximated by position).
        if (name?.type === 'identifier') this.bind(name, 'walrus', site, site.childForFieldName('value'), null);
        return;
      }
      case 'with_item':
      case 'except_clause': {
        const as = site.type === 'with_item' ? site.childForFieldName('value') : namedChildren(site).find((c) => c.type === 'as_pattern');
        const target = as?.type === 'as_pattern' ? as.childForFieldName('alias') : null;
        if (target) for (const n of targetNames(target)) this.bind(n, site.type === 'with_item' ? 'with' : 'except', site, null, null);
        return;
      }
      default:
        return;
    }
  }

  /** The innermost scope containing a UTF-16 offset. */
  scopeAt(index: number): PyScope {
    let scope = this.module;
    for (;;) {
      const kids = scope.children;
      // Children are sorted by start and do not overlap: binary search the last one starting at or before index.
      let lo = 0;
      let hi = kids.length - 1;
      let found: PyScope | undefined;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const k = kids[mid] as PyScope;
        if (k.start <= index) {
          found = k;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found && index < found.end) scope = found;
      else return scope;
    }
  }

  /** The scope a syntax node (a scope-creating node) introduced, if any. */
  scopeOfNode(node: MirrorNode): PyScope | undefined {
    return node.type === 'module' ? this.module : this.scopesByNodeId.get(node.id);
  }

  /** The scope where `name`, read at `at`, is bound (Python's LEGB, class scopes skipped from nested functions). */
  resolveScope(name: string, at: number): PyScope | null {
    const start = this.scopeAt(at);
    if (start.globals.has(name)) return this.module.bindings.has(name) ? this.module : null;
    for (let s: PyScope | null = start; s; s = s.parent) {
      if (s !== start && s.kind === 'class') continue;
      if (s.bindings.has(name) && !s.nonlocals.has(name)) return s;
    }
    return null;
  }

  /** All bindings of `name` in the scope it resolves to from `at` (empty for builtins and unknown names). */
  bindingsOf(name: string, at: number): PyBinding[] {
    const scope = this.resolveScope(name, at);
    return scope?.bindings.get(name) ?? [];
  }

  /** Identifiers within `[start, end)` in document order. */
  /**
   * Identifiers named `name` in `[start, end)` with one of `roles` (all roles by default), by binary search in a
   * per-name, per-role index built once: a query costs the size of its answer, not of the range.
   */
  namedIn(name: string, start: number, end: number, roles?: readonly IdentifierRole[]): PyIdentifier[] {
    if (!this.byName) {
      // name → (all, per role), nested maps: no key string is built per identifier or per query.
      const index = new Map<string, NameIndex>();
      for (const id of this.identifiers) {
        let entry = index.get(id.name);
        if (!entry) index.set(id.name, (entry = { all: [], byRole: new Map() }));
        entry.all.push(id);
        let list = entry.byRole.get(id.role);
        if (!list) entry.byRole.set(id.role, (list = []));
        list.push(id);
      }
      this.byName = index;
    }
    const entry = this.byName.get(name);
    if (!entry) return [];
    const out: PyIdentifier[] = [];
    const collect = (ids: PyIdentifier[] | undefined): void => {
      if (!ids) return;
      for (let i = firstIndex(ids, (x) => x.start < start); i < ids.length && (ids[i] as PyIdentifier).start < end; i++) out.push(ids[i] as PyIdentifier);
    };
    if (!roles) collect(entry.all);
    else for (const r of roles) collect(entry.byRole.get(r));
    return roles && roles.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
  }

  private byName: Map<string, NameIndex> | undefined;

  identifiersIn(start: number, end: number): PyIdentifier[] {
    const ids = this.identifiers;
    const out: PyIdentifier[] = [];
    for (let i = firstIndex(ids, (x) => x.start < start); i < ids.length; i++) {
      const id = ids[i] as PyIdentifier;
      if (id.start >= end) break;
      out.push(id);
    }
    return out;
  }

  /** Reads of `name` (loads and augmented-assignment targets) inside a node. */
  readsIn(node: { startIndex: number; endIndex: number }, name: string): PyIdentifier[] {
    return this.namedIn(name, node.startIndex, node.endIndex).filter((i) => i.role === 'load' || i.role === 'augstore');
  }

  /** Assignments (any binding form) of `name` inside a node. */
  storesIn(node: { startIndex: number; endIndex: number }, name: string): PyIdentifier[] {
    return this.namedIn(name, node.startIndex, node.endIndex).filter((i) => i.role === 'store' || i.role === 'augstore');
  }

  /** True when `name` is read anywhere inside `node`. */
  isReadIn(node: { startIndex: number; endIndex: number }, name: string): boolean {
    return this.readsIn(node, name).length > 0;
  }

  /** What `name`, read at offset `at`, holds: known only when every binding in its scope agrees. */
  kindOfName(name: string, at: number, depth = 0): ValueKind {
    const scope = this.resolveScope(name, at);
    if (!scope) return 'unknown';
    const key = `${scope.start}:${name}`;
    const cached = this.kindCache.get(key);
    if (cached) return cached;
    if (depth > 6) return 'unknown';
    // Mark in progress so cycles (a = b; b = a) resolve to unknown.
    this.kindCache.set(key, 'unknown');
    let kind: ValueKind | undefined;
    for (const b of scope.bindings.get(name) ?? []) {
      let k: ValueKind = 'unknown';
      if (b.kind === 'assign' && b.value && this.readsOwnName(b.value, name)) {
        // `x = x + y` keeps x's kind like `x += y` does; the other bindings decide.
        continue;
      } else if (b.kind === 'assign') {
        k = b.value ? this.kindOf(b.value, depth + 1) : b.annotation ? annotationKind(this.ctx.textOf(b.annotation)) : 'unknown';
        if (b.value && b.annotation && k === 'unknown') k = annotationKind(this.ctx.textOf(b.annotation));
      } else if (b.kind === 'augassign') {
        // `x += y` keeps x's kind for lists and strings; skip it rather than poisoning the answer.
        continue;
      } else if (b.kind === 'param' && b.annotation) {
        k = annotationKind(this.ctx.textOf(b.annotation));
      } else if (b.kind === 'def') k = 'function';
      if (kind === undefined) kind = k;
      else if (kind !== k) kind = 'unknown';
      if (kind === 'unknown') break;
    }
    const result = kind ?? 'unknown';
    this.kindCache.set(key, result);
    return result;
  }

  private readsOwnName(value: MirrorNode, name: string): boolean {
    return this.namedIn(name, value.startIndex, value.endIndex).some((i) => i.role === 'load');
  }

  /** What an expression evaluates to, as far as the file shows. */
  kindOf(expr: MirrorNode, depth = 0): ValueKind {
    switch (expr.type) {
      case 'list':
      case 'list_comprehension':
        return 'list';
      case 'tuple':
        return 'tuple';
      case 'set':
      case 'set_comprehension':
        return 'set';
      case 'dictionary':
      case 'dictionary_comprehension':
        return 'dict';
      case 'string':
        return /^[rRuUfF]*[bB]/.test(this.ctx.textOf(expr)) ? 'bytes' : 'str';
      case 'concatenated_string': {
        const first = namedChildren(expr)[0];
        return first ? this.kindOf(first, depth) : 'str';
      }
      case 'integer':
      case 'float':
        return 'number';
      case 'true':
      case 'false':
        return 'bool';
      case 'none':
        return 'none';
      case 'generator_expression':
        return 'generator';
      case 'lambda':
        return 'function';
      case 'parenthesized_expression': {
        const inner = namedChildren(expr)[0];
        return inner ? this.kindOf(inner, depth) : 'unknown';
      }
      case 'identifier':
        return this.kindOfName(this.ctx.textOf(expr), expr.startIndex, depth);
      case 'conditional_expression': {
        const [a, , b] = namedChildren(expr);
        if (!a || !b) return 'unknown';
        const ka = this.kindOf(a, depth);
        return ka === this.kindOf(b, depth) ? ka : 'unknown';
      }
      case 'binary_operator': {
        const left = expr.childForFieldName('left');
        const right = expr.childForFieldName('right');
        if (!left || !right) return 'unknown';
        // Operators are anonymous tokens (not mirrored): read them from the text between the operands.
        const op = this.ctx.text.slice(left.endIndex, right.startIndex).replace(/#.*$/gm, '').trim();
        const kl = this.kindOf(left, depth);
        const kr = this.kindOf(right, depth);
        // `list + x` only works when x is a list too (likewise str, tuple, bytes), so one known side decides.
        const seqs: ValueKind[] = ['list', 'str', 'tuple', 'bytes'];
        if (op === '+' && seqs.includes(kl) && (kr === kl || kr === 'unknown')) return kl;
        if (op === '+' && seqs.includes(kr) && kl === 'unknown') return kr;
        if (op === '*' && (kl === 'list' || kl === 'str' || kl === 'tuple') && kr === 'number') return kl;
        if (op === '*' && kl === 'number' && (kr === 'list' || kr === 'str' || kr === 'tuple')) return kr;
        if (op === '%' && kl === 'str') return 'str';
        if ((op === '|' || op === '&' || op === '-' || op === '^') && kl === 'set' && kr === 'set') return 'set';
        if (op === '|' && kl === 'dict' && kr === 'dict') return 'dict';
        if (kl === 'number' && kr === 'number') return 'number';
        return 'unknown';
      }
      case 'call':
        return this.kindOfCall(expr, depth);
      default:
        return 'unknown';
    }
  }

  private kindOfCall(call: MirrorNode, depth: number): ValueKind {
    const fn = call.childForFieldName('function');
    if (!fn) return 'unknown';
    if (fn.type === 'identifier') {
      const name = this.ctx.textOf(fn);
      // A local def or import of the same name shadows the builtin.
      if (this.resolveScope(name, fn.startIndex)) {
        const bs = this.bindingsOf(name, fn.startIndex);
        if (!bs.every((b) => b.kind === 'import' && /^(defaultdict|OrderedDict|Counter|deque)$/.test(name))) return 'unknown';
      }
      return CALL_KINDS[name] ?? 'unknown';
    }
    if (fn.type === 'attribute') {
      const obj = fn.childForFieldName('object');
      const attr = fn.childForFieldName('attribute');
      if (!obj || !attr) return 'unknown';
      const method = this.ctx.textOf(attr);
      const objText = this.ctx.textOf(obj);
      if (objText === 'collections' && (method === 'defaultdict' || method === 'OrderedDict' || method === 'Counter')) return 'dict';
      const objKind = this.kindOf(obj, depth + 1);
      if (objKind === 'str') {
        if (method === 'split' || method === 'rsplit' || method === 'splitlines') return 'list';
        if (STR_RETURNING.has(method)) return 'str';
      }
      if (method === 'copy' && (objKind === 'list' || objKind === 'dict' || objKind === 'set')) return objKind;
    }
    return 'unknown';
  }
}

const CALL_KINDS: Record<string, ValueKind> = {
  list: 'list',
  sorted: 'list',
  set: 'set',
  frozenset: 'set',
  dict: 'dict',
  defaultdict: 'dict',
  OrderedDict: 'dict',
  Counter: 'dict',
  tuple: 'tuple',
  str: 'str',
  repr: 'str',
  bytes: 'bytes',
  int: 'number',
  float: 'number',
  len: 'number',
  bool: 'bool',
};

const STR_RETURNING = new Set(['join', 'format', 'strip', 'lstrip', 'rstrip', 'lower', 'upper', 'replace', 'title', 'capitalize', 'casefold']);

/** Kind named by a type annotation's text (`list[int]`, `List[str]`, `set`, `Dict[str, int]`, `str`). */
export function annotationKind(text: string): ValueKind {
  const t = text.replace(/^typing\./, '').replace(/\s+/g, '');
  const head = /^([A-Za-z_][\w.]*)/.exec(t)?.[1] ?? '';
  switch (head) {
    case 'list':
    case 'List':
      return 'list';
    case 'set':
    case 'Set':
    case 'frozenset':
    case 'FrozenSet':
      return 'set';
    case 'dict':
    case 'Dict':
    case 'defaultdict':
    case 'DefaultDict':
    case 'OrderedDict':
    case 'Counter':
      return 'dict';
    case 'tuple':
    case 'Tuple':
      return 'tuple';
    case 'str':
      return t === 'str' ? 'str' : 'unknown';
    case 'int':
    case 'float':
      return t === head ? 'number' : 'unknown';
    default:
      return 'unknown';
  }
}

/** The shared Python semantic model for the file being linted. */
export function pythonSemantics(ctx: RuleContext): PythonSemantics {
  return ctx.shared('python.semantics', () => new PythonSemantics(ctx));
}
