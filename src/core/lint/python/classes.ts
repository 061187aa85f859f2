/**
 * Python classes of one file: methods (with their decorators and kinds), class attributes, instance attributes
 * (every `self.x` read and write, resolved through scopes so a nested function's own `self` is not confused with
 * the method's), and the in-file inheritance graph. A base the file does not define is "external": rules that need
 * to know whether a method overrides something treat an external ancestor as "it might" — precision over recall.
 */
import type { RuleContext } from '../rule.js';
import { namedChildren } from '../syntax.js';
import type { MirrorNode } from '../syntaxMirror.js';
import { paramsOf, pythonSemantics, type PyParam, type PyScope, type PythonSemantics } from './scope.js';

export interface PyMethod {
  readonly name: string;
  /** The `function_definition`. */
  readonly node: MirrorNode;
  /** The `decorated_definition` around it, or the definition itself. */
  readonly outer: MirrorNode;
  /** Decorator expressions as written, without `@` (e.g. `staticmethod`, `functools.lru_cache(maxsize=None)`). */
  readonly decorators: string[];
  readonly decoratorNodes: MirrorNode[];
  readonly params: PyParam[];
  readonly isStatic: boolean;
  readonly isClassMethod: boolean;
  /** property, cached_property, x.setter/getter/deleter, abstractproperty. */
  readonly isProperty: boolean;
  readonly isAbstract: boolean;
  readonly isAsync: boolean;
  readonly isOverload: boolean;
  /** Name of the first parameter for instance and class methods (`self`, `cls`), else undefined. */
  readonly selfName: string | undefined;
  readonly body: MirrorNode | null;
  readonly scope: PyScope | undefined;
  readonly cls: PyClass;
}

export interface PyClassAttr {
  readonly name: string;
  readonly node: MirrorNode;
  readonly value: MirrorNode | null;
  readonly annotation: MirrorNode | null;
  readonly statement: MirrorNode;
}

export type SelfAccessKind = 'load' | 'store' | 'augstore' | 'del';

/** A `self.attr` access inside one of the class's methods. */
export interface SelfAccess {
  readonly attr: string;
  /** The `attribute` node. */
  readonly node: MirrorNode;
  readonly kind: SelfAccessKind;
  readonly method: PyMethod;
}

export interface PyClass {
  readonly name: string;
  readonly node: MirrorNode;
  readonly outer: MirrorNode;
  readonly nameNode: MirrorNode;
  readonly decorators: string[];
  /** Positional base expressions. */
  readonly bases: MirrorNode[];
  readonly baseTexts: string[];
  /** Keyword arguments of the class statement (`metaclass=ABCMeta`). */
  readonly keywords: Map<string, string>;
  readonly body: MirrorNode | null;
  /** Methods by name; a property with a setter has two entries. */
  readonly methods: Map<string, PyMethod[]>;
  readonly methodList: PyMethod[];
  readonly classAttrs: Map<string, PyClassAttr[]>;
  /** Names bound in the class body by nested classes, imports, loops or conditional code. */
  readonly otherBodyNames: Set<string>;
  readonly selfAccesses: SelfAccess[];
  /** True when the class is defined inside a function. */
  readonly isLocal: boolean;
  /** True when the body holds a docstring only, `pass` or `...`. */
  readonly isEmpty: boolean;
}

function decoratorHead(text: string): string {
  const i = text.indexOf('(');
  return (i >= 0 ? text.slice(0, i) : text).trim();
}

/** Bases that contribute no methods worth asking about. */
const TRIVIAL_BASES = new Set(['object', 'ABC', 'abc.ABC', 'Generic', 'typing.Generic', 'metaclass']);

export function isTrivialBase(text: string): boolean {
  const head = text.replace(/\[.*$/s, '').trim();
  return TRIVIAL_BASES.has(head);
}

const ABSTRACT_DECORATORS = new Set(['abstractmethod', 'abc.abstractmethod', 'abstractproperty', 'abc.abstractproperty', 'abstractclassmethod', 'abc.abstractclassmethod', 'abstractstaticmethod', 'abc.abstractstaticmethod']);
const PROPERTY_DECORATORS = new Set(['property', 'cached_property', 'functools.cached_property', 'abstractproperty', 'abc.abstractproperty']);

/** True when a function body only documents or stubs: docstring, `pass`, `...`. */
export function isStubBody(body: MirrorNode | null): boolean {
  if (!body) return true;
  for (const s of namedChildren(body)) {
    if (s.type === 'pass_statement') continue;
    if (s.type === 'expression_statement') {
      const e = namedChildren(s)[0];
      if (e && (e.type === 'string' || e.type === 'ellipsis' || e.type === 'concatenated_string')) continue;
    }
    return false;
  }
  return true;
}

/** True when the body (after an optional docstring) only raises NotImplementedError (or a "not supported" error). */
export function onlyRaisesNotImplemented(body: MirrorNode | null, text: (n: MirrorNode) => string): boolean {
  if (!body) return false;
  const stmts = namedChildren(body).filter((s) => {
    if (s.type !== 'expression_statement') return true;
    const e = namedChildren(s)[0];
    return !(e && (e.type === 'string' || e.type === 'concatenated_string'));
  });
  if (stmts.length !== 1) return false;
  const only = stmts[0] as MirrorNode;
  if (only.type !== 'raise_statement') return false;
  const raised = namedChildren(only)[0];
  if (!raised) return false;
  const t = text(raised);
  return /^NotImplementedError\b/.test(t) || /^NotImplemented\b/.test(t) || (/^(TypeError|AttributeError|RuntimeError|ValueError)\b/.test(t) && /not (supported|implemented|allowed)|unsupported|cannot be called/i.test(t));
}

/** True when `def` sits in `stmt` through blocks and clauses only (not inside another function or class). */
function isDirectlyIn(def: MirrorNode, stmt: MirrorNode): boolean {
  for (let n = def.parent; n && n.id !== stmt.id; n = n.parent) {
    if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') return false;
  }
  return true;
}

/**
 * How many ancestors lineage questions look at. Real hierarchies are a handful of levels deep; the bound keeps a file
 * of thousands of chained classes linear.
 */
export const MAX_LINEAGE = 64;

export class PyClassTable {
  readonly classes: PyClass[] = [];
  private readonly byNodeId = new Map<number, PyClass>();
  private readonly methodByScope = new Map<PyScope, PyMethod>();

  constructor(
    private readonly ctx: RuleContext,
    readonly sem: PythonSemantics,
  ) {
    for (const node of ctx.syntax().ofType('class_definition')) {
      const cls = this.buildClass(node);
      this.classes.push(cls);
      this.byNodeId.set(node.id, cls);
      for (const m of cls.methodList) if (m.scope) this.methodByScope.set(m.scope, m);
    }
    this.collectSelfAccesses();
  }

  private buildClass(node: MirrorNode): PyClass {
    const ctx = this.ctx;
    const parent = node.parent;
    const outer = parent && parent.type === 'decorated_definition' ? parent : node;
    const decorators = outer === node ? [] : namedChildren(outer).filter((c) => c.type === 'decorator').map((d) => ctx.textOf(d).replace(/^@\s*/, ''));
    const nameNode = node.childForFieldName('name') as MirrorNode;
    const supers = node.childForFieldName('superclasses');
    const bases: MirrorNode[] = [];
    const keywords = new Map<string, string>();
    if (supers) {
      for (const a of namedChildren(supers)) {
        if (a.type === 'keyword_argument') {
          const k = a.childForFieldName('name');
          const v = a.childForFieldName('value');
          if (k && v) keywords.set(ctx.textOf(k), ctx.textOf(v));
        } else if (a.type !== 'list_splat' && a.type !== 'dictionary_splat') bases.push(a);
      }
    }
    const body = node.childForFieldName('body');
    const methods = new Map<string, PyMethod[]>();
    const methodList: PyMethod[] = [];
    const classAttrs = new Map<string, PyClassAttr[]>();
    const otherBodyNames = new Set<string>();
    let isLocal = false;
    for (let p = outer.parent; p; p = p.parent) {
      if (p.type === 'function_definition') {
        isLocal = true;
        break;
      }
    }
    const cls: PyClass = {
      name: ctx.textOf(nameNode),
      node,
      outer,
      nameNode,
      decorators,
      bases,
      baseTexts: bases.map((b) => ctx.textOf(b)),
      keywords,
      body,
      methods,
      methodList,
      classAttrs,
      otherBodyNames,
      selfAccesses: [],
      isLocal,
      isEmpty: isStubBody(body),
    };
    for (const stmt of body ? namedChildren(body) : []) {
      let def: MirrorNode | null = null;
      if (stmt.type === 'function_definition') def = stmt;
      else if (stmt.type === 'decorated_definition') {
        const d = stmt.childForFieldName('definition');
        if (d?.type === 'function_definition') def = d;
        else if (d?.type === 'class_definition') {
          const n = d.childForFieldName('name');
          if (n) otherBodyNames.add(ctx.textOf(n));
        }
      } else if (stmt.type === 'expression_statement') {
        const e = namedChildren(stmt)[0];
        if (e?.type === 'assignment') {
          const left = e.childForFieldName('left');
          let value = e.childForFieldName('right');
          while (value && value.type === 'assignment') value = value.childForFieldName('right');
          const annotation = e.childForFieldName('type');
          const names: MirrorNode[] = [];
          if (left?.type === 'identifier') names.push(left);
          else if (left) for (const n of namedChildren(left)) if (n.type === 'identifier') names.push(n);
          // a = b = [] binds both names to the same value.
          for (let inner = e.childForFieldName('right'); inner && inner.type === 'assignment'; inner = inner.childForFieldName('right')) {
            const l = inner.childForFieldName('left');
            if (l?.type === 'identifier') names.push(l);
          }
          for (const n of names) {
            const name = ctx.textOf(n);
            let list = classAttrs.get(name);
            if (!list) classAttrs.set(name, (list = []));
            list.push({ name, node: n, value: left?.type === 'identifier' || names.length > 1 ? value : null, annotation: n === left ? annotation : null, statement: stmt });
          }
        }
      } else if (stmt.type === 'class_definition') {
        const n = stmt.childForFieldName('name');
        if (n) otherBodyNames.add(ctx.textOf(n));
      } else if (stmt.type !== 'pass_statement' && stmt.type !== 'comment') {
        // Conditional or looped definitions: remember every name they bind, so no rule assumes it is missing.
        const m = ctx.syntax();
        for (const d of m.descendantsOfType(stmt, ['function_definition', 'class_definition', 'assignment', 'import_from_statement', 'aliased_import'])) {
          const fields = d.type === 'assignment' ? ['left'] : d.type === 'aliased_import' ? ['alias'] : d.type === 'import_from_statement' ? [] : ['name'];
          for (const f of fields) {
            const n = d.childForFieldName(f);
            if (n?.type === 'identifier') otherBodyNames.add(ctx.textOf(n));
          }
          if (d.type === 'import_from_statement') for (const n of d.childrenForFieldName('name')) otherBodyNames.add(ctx.textOf(n.type === 'aliased_import' ? (n.childForFieldName('alias') ?? n) : n));
        }
        // Methods defined under `if`/`try`/`with` in the class body (per platform, per version) are still methods.
        if (stmt.type === 'if_statement' || stmt.type === 'try_statement' || stmt.type === 'with_statement') {
          for (const d of m.descendantsOfType(stmt, 'function_definition')) {
            if (!isDirectlyIn(d, stmt)) continue;
            const outer = d.parent?.type === 'decorated_definition' ? d.parent : d;
            const method = this.buildMethod(cls, d, outer);
            let list = methods.get(method.name);
            if (!list) methods.set(method.name, (list = []));
            list.push(method);
            methodList.push(method);
          }
        }
      }
      if (def) {
        const m = this.buildMethod(cls, def, stmt);
        let list = methods.get(m.name);
        if (!list) methods.set(m.name, (list = []));
        list.push(m);
        methodList.push(m);
      }
    }
    // Old-style `f = staticmethod(f)` / `f = classmethod(f)` after the def changes the method's kind.
    for (const [name, attrs] of classAttrs) {
      const value = attrs[attrs.length - 1]?.value;
      const m = /^(staticmethod|classmethod)\(\s*(\w+)\s*\)$/.exec(value ? ctx.textOf(value) : '');
      if (!m || m[2] !== name) continue;
      for (const method of methods.get(name) ?? []) {
        const mutable = method as { -readonly [K in keyof PyMethod]: PyMethod[K] };
        if (m[1] === 'staticmethod') {
          mutable.isStatic = true;
          mutable.selfName = undefined;
        } else mutable.isClassMethod = true;
      }
      classAttrs.delete(name);
    }
    return cls;
  }

  private buildMethod(cls: PyClass, def: MirrorNode, outer: MirrorNode): PyMethod {
    const ctx = this.ctx;
    const decoratorNodes = outer === def ? [] : namedChildren(outer).filter((c) => c.type === 'decorator');
    const decorators = decoratorNodes.map((d) => ctx.textOf(d).replace(/^@\s*/, ''));
    const heads = decorators.map(decoratorHead);
    const isStatic = heads.some((h) => h === 'staticmethod' || h === 'abstractstaticmethod' || h === 'abc.abstractstaticmethod');
    const isClassMethod = heads.some((h) => h === 'classmethod' || h === 'abstractclassmethod' || h === 'abc.abstractclassmethod');
    const isProperty = heads.some((h) => PROPERTY_DECORATORS.has(h) || /\.(setter|getter|deleter)$/.test(h));
    const isAbstract = heads.some((h) => ABSTRACT_DECORATORS.has(h));
    const isOverload = heads.some((h) => h === 'overload' || h === 'typing.overload');
    const params = paramsOf(def);
    const name = ctx.textOf(def.childForFieldName('name') as MirrorNode);
    const first = params[0];
    // __new__, __init_subclass__ and __class_getitem__ are implicit class methods.
    const implicitClassMethod = name === '__new__' || name === '__init_subclass__' || name === '__class_getitem__';
    const selfName = !isStatic && first && first.kind === 'positional' ? first.name : undefined;
    return {
      name,
      node: def,
      outer,
      decorators,
      decoratorNodes,
      params,
      isStatic,
      isClassMethod: isClassMethod || implicitClassMethod,
      isProperty,
      isAbstract,
      isAsync: ctx.textOf(def).startsWith('async'),
      isOverload,
      selfName,
      body: def.childForFieldName('body'),
      scope: this.sem.scopeOfNode(def),
      cls,
    };
  }

  private collectSelfAccesses(): void {
    if (this.methodByScope.size === 0) return;
    for (const a of this.ctx.syntax().ofType('attribute')) {
      const obj = a.childForFieldName('object');
      const attr = a.childForFieldName('attribute');
      if (!obj || !attr || obj.type !== 'identifier' || attr.type !== 'identifier') continue;
      const objName = this.ctx.textOf(obj);
      const scope = this.sem.resolveScope(objName, obj.startIndex);
      if (!scope) continue;
      const method = this.methodByScope.get(scope);
      if (!method || method.selfName !== objName || method.isClassMethod) continue;
      (method.cls.selfAccesses as SelfAccess[]).push({ attr: this.ctx.textOf(attr), node: a, kind: accessKind(a), method });
    }
  }

  /** The class a `class_definition` node defines. */
  classOfNode(node: MirrorNode): PyClass | undefined {
    return this.byNodeId.get(node.id);
  }

  /** The method whose own scope is `scope`, if it is a method. */
  methodOfScope(scope: PyScope): PyMethod | undefined {
    return this.methodByScope.get(scope);
  }

  /** The innermost method containing a node (not crossing into nested classes' methods). */
  methodContaining(node: MirrorNode): PyMethod | undefined {
    for (let s: PyScope | null = this.sem.scopeAt(node.startIndex); s; s = s.parent) {
      const m = this.methodByScope.get(s);
      if (m) return m;
      if (s.kind === 'class') return undefined;
    }
    return undefined;
  }

  /** Direct in-file parent classes, and the base texts that are not classes of this file (excluding trivial ones). */
  parentsOf(cls: PyClass): { inFile: PyClass[]; external: string[] } {
    let cached = this.parentsCache.get(cls);
    if (!cached) this.parentsCache.set(cls, (cached = this.computeParents(cls)));
    return cached;
  }

  private readonly parentsCache = new Map<PyClass, { inFile: PyClass[]; external: string[] }>();
  private readonly ancestorsCache = new Map<PyClass, { inFile: PyClass[]; external: string[] }>();

  private computeParents(cls: PyClass): { inFile: PyClass[]; external: string[] } {
    const inFile: PyClass[] = [];
    const external: string[] = [];
    cls.bases.forEach((b, i) => {
      const text = cls.baseTexts[i] as string;
      if (isTrivialBase(text)) return;
      if (b.type === 'identifier') {
        const binds = this.sem.bindingsOf(text, cls.node.startIndex);
        const classBinds = binds.filter((x) => x.kind === 'class');
        if (classBinds.length > 0 && classBinds.length === binds.length) {
          // The definition that precedes this class (a later redefinition does not count).
          const before = classBinds.filter((x) => x.site.startIndex < cls.node.startIndex);
          const site = (before[before.length - 1] ?? classBinds[0])?.site;
          const parent = site ? this.byNodeId.get(site.id) : undefined;
          if (parent && parent !== cls) {
            inFile.push(parent);
            return;
          }
        }
      }
      external.push(text);
    });
    return { inFile, external };
  }

  /** All in-file ancestors (depth-first, left to right, each once) and whether any ancestor has an external base. */
  ancestorsOf(cls: PyClass): { inFile: PyClass[]; external: string[] } {
    let cached = this.ancestorsCache.get(cls);
    if (!cached) this.ancestorsCache.set(cls, (cached = this.computeAncestors(cls)));
    return cached;
  }

  private computeAncestors(cls: PyClass): { inFile: PyClass[]; external: string[] } {
    // Depth-first, left to right, with an explicit stack (a deep hierarchy must not overflow the call stack) and at
    // most MAX_LINEAGE ancestors (a file of thousands of chained classes stays linear).
    const inFile: PyClass[] = [];
    const external: string[] = [];
    const seen = new Set<PyClass>([cls]);
    const first = this.parentsOf(cls);
    external.push(...first.external);
    const stack: Array<{ parents: PyClass[]; next: number }> = [{ parents: first.inFile, next: 0 }];
    while (stack.length > 0 && inFile.length < MAX_LINEAGE) {
      const frame = stack[stack.length - 1] as { parents: PyClass[]; next: number };
      if (frame.next >= frame.parents.length) {
        stack.pop();
        continue;
      }
      const parent = frame.parents[frame.next++] as PyClass;
      if (seen.has(parent)) continue;
      seen.add(parent);
      inFile.push(parent);
      const p = this.parentsOf(parent);
      external.push(...p.external);
      stack.push({ parents: p.inFile, next: 0 });
    }
    return { inFile, external };
  }

  /**
   * Where `name` is defined in an ancestor: the first in-file ancestor's method, or `unknown` when it is not found in
   * the file but some ancestor is external (it may define it).
   */
  inherited(cls: PyClass, name: string): { method?: PyMethod; attr?: PyClassAttr; owner?: PyClass; unknown: boolean } {
    const anc = this.ancestorsOf(cls);
    for (const a of anc.inFile) {
      const m = a.methods.get(name)?.[0];
      if (m) return { method: m, owner: a, unknown: false };
      const attr = a.classAttrs.get(name)?.[0];
      if (attr) return { attr, owner: a, unknown: false };
      if (a.otherBodyNames.has(name)) return { owner: a, unknown: true };
    }
    return { unknown: anc.external.length > 0 };
  }

  private subclassIndex: Map<PyClass, PyClass[]> | undefined;
  private overrideIndex: Map<PyClass, Set<string>> | undefined;
  private childIndex: Set<PyClass> | undefined;

  /**
   * In-file classes that have `cls` among their ancestors (as `ancestorsOf` sees them, so within `MAX_LINEAGE`), in
   * file order. One pass over every class's bounded lineage builds the index for all classes: asking "is this class
   * extended?" per class no longer scans every class's lineage (classes × classes × chain on a long chain).
   */
  subclassesOf(cls: PyClass): readonly PyClass[] {
    if (!this.subclassIndex) {
      const index = new Map<PyClass, PyClass[]>();
      for (const c of this.classes) {
        for (const a of this.ancestorsOf(c).inFile) {
          if (a === c) continue;
          let list = index.get(a);
          if (!list) index.set(a, (list = []));
          list.push(c);
        }
      }
      this.subclassIndex = index;
    }
    return this.subclassIndex.get(cls) ?? [];
  }

  /** True when an in-file subclass of `cls` (within `MAX_LINEAGE`) defines a method named `name`. */
  overriddenInSubclass(cls: PyClass, name: string): boolean {
    if (!this.overrideIndex) {
      const index = new Map<PyClass, Set<string>>();
      for (const c of this.classes) {
        if (c.methods.size === 0) continue;
        for (const a of this.ancestorsOf(c).inFile) {
          if (a === c) continue;
          let names = index.get(a);
          if (!names) index.set(a, (names = new Set()));
          for (const n of c.methods.keys()) names.add(n);
        }
      }
      this.overrideIndex = index;
    }
    return this.overrideIndex.get(cls)?.has(name) ?? false;
  }

  /** True when some in-file class names `cls` as a direct parent. */
  hasInFileChild(cls: PyClass): boolean {
    if (!this.childIndex) {
      const index = new Set<PyClass>();
      for (const c of this.classes) for (const p of this.parentsOf(c).inFile) index.add(p);
      this.childIndex = index;
    }
    return this.childIndex.has(cls);
  }

  /** True when some ancestor is not defined in this file (so inherited members are not fully known). */
  hasExternalAncestor(cls: PyClass): boolean {
    return this.ancestorsOf(cls).external.length > 0;
  }
}

function accessKind(a: MirrorNode): SelfAccessKind {
  let child = a;
  let parent = a.parent;
  // Walk out of tuple targets: `self.a, self.b = ...`.
  while (parent && (parent.type === 'pattern_list' || parent.type === 'tuple_pattern' || parent.type === 'list_pattern' || parent.type === 'tuple' || parent.type === 'list' || parent.type === 'list_splat_pattern' || parent.type === 'parenthesized_expression')) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return 'load';
  const isLeft = (field: string): boolean => {
    const l = parent?.childForFieldName(field);
    return !!l && l.startIndex === child.startIndex && l.endIndex === child.endIndex;
  };
  if (parent.type === 'assignment' && isLeft('left')) return 'store';
  if (parent.type === 'augmented_assignment' && isLeft('left')) return child === a ? 'augstore' : 'load';
  if ((parent.type === 'for_statement' || parent.type === 'for_in_clause') && isLeft('left')) return 'store';
  if (parent.type === 'as_pattern_target') return 'store';
  if (parent.type === 'delete_statement') return 'del';
  return 'load';
}

/** The shared class table for the Python file being linted. */
export function pythonClasses(ctx: RuleContext): PyClassTable {
  return ctx.shared('python.classes', () => new PyClassTable(ctx, pythonSemantics(ctx)));
}
