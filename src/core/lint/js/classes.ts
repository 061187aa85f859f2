/**
 * The classes of a JS/TS file with their members and in-file parents, so OOP rules can ask "does the parent define
 * this method", "is this an override", "which fields does the constructor assign" without re-walking class bodies.
 * Parents are resolved by name within the file; a class whose parent is imported or computed has an `external`
 * parent, and rules that need the parent's members stay silent about it.
 */
import type { RuleContext } from '../rule.js';
import type { SyntaxNode } from '../syntaxMirror.js';
import { FIELD_TYPES, hasKeyword, kids, strip } from './jsNodes.js';
import { firstIndex } from '../../util/search.js';

export type MemberKind = 'method' | 'get' | 'set' | 'field' | 'constructor' | 'abstract-method' | 'signature';

export interface MemberInfo {
  readonly node: SyntaxNode;
  readonly name: string;
  readonly nameNode: SyntaxNode | null;
  readonly kind: MemberKind;
  readonly isStatic: boolean;
  readonly isAbstract: boolean;
  readonly isAsync: boolean;
  readonly isGenerator: boolean;
  /** `#name` or TS `private`. */
  readonly isPrivate: boolean;
  /** TS `protected`. */
  readonly isProtected: boolean;
  readonly isReadonly: boolean;
  readonly isOverride: boolean;
  /** `declare` field, or `x!:` / `x?:` (no runtime initialisation of its own). */
  readonly isOptional: boolean;
  readonly hasDecorator: boolean;
  /** Parameters of a method (formal_parameters children). */
  readonly params: SyntaxNode[];
  readonly body: SyntaxNode | null;
  /** Field initialiser. */
  readonly value: SyntaxNode | null;
  /** Field type annotation (inner type node). */
  readonly type: SyntaxNode | null;
  /** Accessibility keyword as written (`public`/`private`/`protected`), or ''. */
  readonly accessibility: string;
}

export interface ClassInfo {
  readonly node: SyntaxNode;
  /** Declared name (or the variable a class expression is assigned to), '' when anonymous. */
  readonly name: string;
  readonly nameNode: SyntaxNode | null;
  readonly body: SyntaxNode;
  /** The `extends` expression, or null. */
  readonly extendsNode: SyntaxNode | null;
  /** Source text of the `extends` target without type arguments (`Base`, `React.Component`). */
  readonly extendsName: string;
  readonly implementsNames: readonly string[];
  readonly isAbstract: boolean;
  /** `declare class` (a type declaration, no runtime code of its own). */
  readonly isAmbient: boolean;
  readonly hasDecorator: boolean;
  readonly members: readonly MemberInfo[];
  /** The in-file parent class, when the `extends` target names one. */
  parent: ClassInfo | null;
  /** Parameter properties (`constructor(private x: T)`): names. */
  readonly parameterProperties: readonly string[];
  /** The parameter properties declared `private` or `protected`. */
  readonly hiddenParameterProperties: readonly string[];
}

/**
 * How many ancestors the lineage questions look at. Real hierarchies are a handful of levels deep; the bound keeps a
 * file of thousands of chained classes linear (without it every class would walk the whole chain).
 */
export const MAX_LINEAGE = 64;

export class ClassTable {
  readonly byName = new Map<string, ClassInfo>();
  private readonly byNode = new Map<SyntaxNode, ClassInfo>();
  private readonly children = new Map<ClassInfo, ClassInfo[]>();
  /** Pre-order entry/exit numbers of the inheritance forest: `a` is an ancestor of `c` iff its interval holds c's. */
  private readonly enter = new Map<ClassInfo, number>();
  private readonly exit = new Map<ClassInfo, number>();
  private readonly depthOf = new Map<ClassInfo, number>();
  private readonly rootOf = new Map<ClassInfo, ClassInfo>();
  /** Classes declaring a member of a name, in pre-order of the forest (for "overridden below" by binary search). */
  private readonly declarers = new Map<string, ClassInfo[]>();

  constructor(readonly classes: readonly ClassInfo[]) {
    for (const c of classes) if (c.name && !this.byName.has(c.name)) this.byName.set(c.name, c);
    for (const c of classes) this.byNode.set(c.node, c);
    for (const c of classes) {
      if (c.extendsNode && c.extendsNode.type === 'identifier') {
        const p = this.byName.get(c.extendsName);
        if (p && p !== c) c.parent = p;
      }
    }
    this.indexForest();
  }

  /** One iterative walk of the inheritance forest (classes in a parent cycle are left out and answered by walking). */
  private indexForest(): void {
    for (const c of this.classes) {
      if (!c.parent) continue;
      let list = this.children.get(c.parent);
      if (!list) this.children.set(c.parent, (list = []));
      list.push(c);
    }
    let clock = 0;
    const order: ClassInfo[] = [];
    for (const root of this.classes) {
      if (root.parent) continue;
      const stack: Array<{ c: ClassInfo; next: number }> = [{ c: root, next: 0 }];
      this.enter.set(root, clock++);
      this.depthOf.set(root, 0);
      this.rootOf.set(root, root);
      order.push(root);
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const kids = this.children.get(top.c) ?? [];
        if (top.next < kids.length) {
          const k = kids[top.next++]!;
          this.enter.set(k, clock++);
          this.depthOf.set(k, stack.length);
          this.rootOf.set(k, root);
          order.push(k);
          stack.push({ c: k, next: 0 });
        } else {
          this.exit.set(top.c, clock);
          stack.pop();
        }
      }
    }
    for (const c of order) {
      for (const name of new Set(c.members.map((m) => m.name))) {
        let list = this.declarers.get(name);
        if (!list) this.declarers.set(name, (list = []));
        list.push(c);
      }
    }
  }

  /** The class a class node (`class_declaration`, `class`, `abstract_class_declaration`) defines. */
  classOfNode(node: SyntaxNode): ClassInfo | undefined {
    return this.byNode.get(node);
  }

  /** The class whose body contains `node` directly (the innermost class). */
  enclosingClass(node: SyntaxNode): ClassInfo | null {
    for (let n = node.parent; n; n = n.parent) {
      if (n.type !== 'class_body' || !n.parent) continue;
      const c = this.byNode.get(n.parent);
      if (c) return c;
    }
    return null;
  }

  /** In-file ancestors, nearest first, at most `MAX_LINEAGE` (stops at cycles and at external parents). */
  ancestors(c: ClassInfo): readonly ClassInfo[] {
    // Several rules ask for every class (and `inherited` for every member): the chain is built once per class.
    let out = this.ancestorsOf.get(c);
    if (out) return out;
    const chain: ClassInfo[] = [];
    const seen = new Set<ClassInfo>([c]);
    for (let p = c.parent; p && !seen.has(p) && chain.length < MAX_LINEAGE; p = p.parent) {
      chain.push(p);
      seen.add(p);
    }
    out = chain;
    this.ancestorsOf.set(c, out);
    return out;
  }

  private readonly ancestorsOf = new Map<ClassInfo, readonly ClassInfo[]>();

  /** Number of in-file ancestors (the whole chain, however long). */
  depth(c: ClassInfo): number {
    return this.depthOf.get(c) ?? this.cyclicChain(c).length - 1;
  }

  /** `c` and its ancestors up to a repeat (only for classes in a parent cycle, which the forest index leaves out). */
  private cyclicChain(c: ClassInfo): ClassInfo[] {
    const out = [c];
    const seen = new Set<ClassInfo>([c]);
    for (let p = c.parent; p && !seen.has(p); p = p.parent) {
      out.push(p);
      seen.add(p);
    }
    return out;
  }

  /** True when the chain of parents ends in a class outside this file (its members are unknown). */
  hasExternalAncestor(c: ClassInfo): boolean {
    const top = this.rootOf.get(c) ?? this.cyclicChain(c).at(-1)!;
    return !!top.extendsNode && !top.parent;
  }

  /** The nearest ancestor member with this name and staticness, and the class declaring it. */
  inherited(c: ClassInfo, name: string, isStatic = false): { cls: ClassInfo; member: MemberInfo } | null {
    const list = this.declarers.get(name);
    if (!list) return null;
    // Few declarers (the usual case): when none of them is an ancestor of `c` in the forest index, the walk up the
    // chain below cannot find one either; skip it (it costs up to MAX_LINEAGE steps per member on long chains).
    const at = this.enter.get(c);
    if (at !== undefined && list.length <= 8 && !list.some((d) => d !== c && (this.enter.get(d) ?? Infinity) < at && at < (this.exit.get(d) ?? -Infinity))) return null;
    for (const a of this.ancestors(c)) {
      const m = a.members.find((x) => x.name === name && x.isStatic === isStatic && x.kind !== 'constructor');
      if (m) return { cls: a, member: m };
    }
    return null;
  }

  /** In-file classes whose parent chain includes `c` (all of them: callers that only need a yes use `hasSubclasses`). */
  descendants(c: ClassInfo): ClassInfo[] {
    const out: ClassInfo[] = [];
    const stack = [...(this.children.get(c) ?? [])];
    while (stack.length > 0) {
      const d = stack.pop()!;
      out.push(d);
      stack.push(...(this.children.get(d) ?? []));
    }
    return out;
  }

  /** True when some in-file class extends `c`. */
  hasSubclasses(c: ClassInfo): boolean {
    return (this.children.get(c)?.length ?? 0) > 0;
  }

  /** True when a descendant declared in the file overrides member `name`. */
  isOverriddenBelow(c: ClassInfo, name: string): boolean {
    const list = this.declarers.get(name);
    const from = this.enter.get(c);
    const to = this.exit.get(c);
    if (!list || from === undefined || to === undefined) return false;
    // Declarers are in pre-order: find the first one entered after `c` and check it lies inside c's subtree.
    const next = list[firstIndex(list, (d) => (this.enter.get(d) ?? -1) <= from)];
    return !!next && (this.enter.get(next) ?? Infinity) < to;
  }

  /** True when `sub` is `sup` or inherits from it (in-file). */
  isSubclassOf(sub: ClassInfo, sup: ClassInfo): boolean {
    if (sub === sup) return true;
    const a = this.enter.get(sup);
    const b = this.enter.get(sub);
    if (a === undefined || b === undefined) return this.cyclicChain(sub).includes(sup);
    return a < b && b < this.exit.get(sup)!;
  }
}

/** The file's class table (built on first use, shared by every JS rule). */
export function classTable(ctx: RuleContext): ClassTable {
  return ctx.shared('js.classTable', () => buildClassTable(ctx));
}

/** Node types that define a class (declarations and expressions). */
export const CLASS_NODE_TYPES: readonly string[] = ['class_declaration', 'class', 'abstract_class_declaration'];

/**
 * One pass over a member's children: anonymous keywords (`static`, `async`, `get`, `*`, `?`…), the accessibility
 * modifier, decorators and `override`. (Anonymous tokens are recovered from the text, so it is done once.)
 */
function scanMember(node: SyntaxNode): { keywords: Set<string>; accessibility: string; decorated: boolean; override: boolean } {
  const keywords = new Set<string>();
  let accessibility = '';
  let decorated = false;
  let override = false;
  for (const c of node.children) {
    if (!c) continue;
    if (!c.isNamed) keywords.add(c.type);
    else if (c.type === 'accessibility_modifier') accessibility = c.text;
    else if (c.type === 'decorator') decorated = true;
    else if (c.type === 'override_modifier') override = true;
  }
  return { keywords, accessibility, decorated, override };
}

/** Member facts; parameters, body, value and type are read from the tree only when a rule asks. */
class Member implements MemberInfo {
  readonly name: string;
  readonly isStatic: boolean;
  readonly isAbstract: boolean;
  readonly isAsync: boolean;
  readonly isGenerator: boolean;
  readonly isPrivate: boolean;
  readonly isProtected: boolean;
  readonly isReadonly: boolean;
  readonly isOverride: boolean;
  readonly isOptional: boolean;
  readonly hasDecorator: boolean;
  readonly accessibility: string;
  private cache: { params?: SyntaxNode[]; body?: SyntaxNode | null; value?: SyntaxNode | null; type?: SyntaxNode | null } = {};

  constructor(
    readonly node: SyntaxNode,
    readonly nameNode: SyntaxNode | null,
    readonly kind: MemberKind,
    scan: ReturnType<typeof scanMember>,
    decoratedBefore: boolean,
  ) {
    this.name = nameNode ? (nameNode.type === 'string' ? nameNode.text.slice(1, -1) : nameNode.text) : '';
    const kw = scan.keywords;
    this.accessibility = scan.accessibility;
    this.isStatic = kw.has('static');
    this.isAbstract = kind === 'abstract-method' || kw.has('abstract');
    this.isAsync = kw.has('async');
    this.isGenerator = kw.has('*');
    this.isPrivate = scan.accessibility === 'private' || nameNode?.type === 'private_property_identifier';
    this.isProtected = scan.accessibility === 'protected';
    this.isReadonly = kw.has('readonly');
    this.isOverride = scan.override;
    this.isOptional = kind === 'field' && (kw.has('declare') || kw.has('?') || kw.has('!'));
    this.hasDecorator = scan.decorated || decoratedBefore;
  }

  get params(): SyntaxNode[] {
    if (!this.cache.params) {
      const p = this.kind === 'field' ? null : this.node.childForFieldName('parameters');
      this.cache.params = p ? kids(p) : [];
    }
    return this.cache.params;
  }

  get body(): SyntaxNode | null {
    if (this.cache.body === undefined) this.cache.body = this.node.type === 'method_definition' ? this.node.childForFieldName('body') : null;
    return this.cache.body;
  }

  get value(): SyntaxNode | null {
    if (this.cache.value === undefined) this.cache.value = this.kind === 'field' ? this.node.childForFieldName('value') : null;
    return this.cache.value;
  }

  get type(): SyntaxNode | null {
    if (this.cache.type === undefined) {
      const t = this.kind === 'field' ? this.node.childForFieldName('type') : null;
      this.cache.type = t ? (kids(t)[0] ?? null) : null;
    }
    return this.cache.type;
  }
}

function memberOf(node: SyntaxNode, decoratedBefore: boolean): MemberInfo | null {
  const isMethod = node.type === 'method_definition';
  const isSignature = node.type === 'abstract_method_signature' || node.type === 'method_signature';
  const isField = FIELD_TYPES.has(node.type);
  if (!isMethod && !isSignature && !isField) return null;
  const scan = scanMember(node);
  const nameNode = node.childForFieldName('name') ?? node.childForFieldName('property');
  const name = nameNode ? nameNode.text : '';
  let kind: MemberKind;
  if (isMethod) kind = name === 'constructor' && !scan.keywords.has('static') ? 'constructor' : scan.keywords.has('get') ? 'get' : scan.keywords.has('set') ? 'set' : 'method';
  else if (isSignature) kind = node.type === 'abstract_method_signature' ? 'abstract-method' : 'signature';
  else kind = 'field';
  return new Member(node, nameNode, kind, scan, decoratedBefore);
}

function buildClassTable(ctx: RuleContext): ClassTable {
  const classes: ClassInfo[] = [];
  for (const node of ctx.syntax().ofType(CLASS_NODE_TYPES)) {
    const body = node.childForFieldName('body');
    if (!body) continue;
    let nameNode = node.childForFieldName('name');
    if (!nameNode && node.type === 'class') {
      // `const Foo = class { … }`
      const p = node.parent;
      if (p && p.type === 'variable_declarator') nameNode = p.childForFieldName('name');
    }
    let extendsNode: SyntaxNode | null = null;
    const implementsNames: string[] = [];
    for (const c of kids(node)) {
      if (c.type !== 'class_heritage') continue;
      for (const h of kids(c)) {
        if (h.type === 'extends_clause') extendsNode = h.childForFieldName('value') ?? kids(h)[0] ?? null;
        else if (h.type === 'implements_clause') for (const t of kids(h)) implementsNames.push(t.text);
        else if (!extendsNode) extendsNode = h; // JS grammar: the heritage holds the expression directly
      }
    }
    const stripped = extendsNode ? strip(extendsNode) : null;
    const extendsName = stripped ? (stripped.type === 'call_expression' ? stripped.text : stripped.text.replace(/<[\s\S]*$/, '')) : '';
    const decoratorHost = node.parent && node.parent.type === 'export_statement' ? node.parent : node;
    const hasDecorator = kids(node).some((c) => c.type === 'decorator') || kids(decoratorHost).some((c) => c.type === 'decorator');
    const members: MemberInfo[] = [];
    let pendingDecorator = false;
    for (const m of kids(body)) {
      if (m.type === 'decorator') {
        pendingDecorator = true;
        continue;
      }
      const info = memberOf(m, pendingDecorator);
      if (info) members.push(info);
      pendingDecorator = false;
    }
    const ctor = members.find((m) => m.kind === 'constructor');
    const parameterProperties: string[] = [];
    const hiddenParameterProperties: string[] = [];
    if (ctor) {
      for (const p of ctor.params) {
        if ((p.type === 'required_parameter' || p.type === 'optional_parameter') && kids(p).some((c) => c.type === 'accessibility_modifier' || c.type === 'override_modifier') || hasKeyword(p, 'readonly')) {
          const pat = p.childForFieldName('pattern');
          if (pat && pat.type === 'identifier') {
            parameterProperties.push(pat.text);
            if (kids(p).some((c) => c.type === 'accessibility_modifier' && (c.text === 'private' || c.text === 'protected'))) hiddenParameterProperties.push(pat.text);
          }
        }
      }
    }
    classes.push({
      node,
      name: nameNode ? nameNode.text : '',
      nameNode,
      body,
      extendsNode,
      extendsName,
      implementsNames,
      isAbstract: node.type === 'abstract_class_declaration',
      isAmbient: node.parent?.type === 'ambient_declaration',
      hasDecorator,
      members,
      parent: null,
      parameterProperties,
      hiddenParameterProperties,
    });
  }
  return new ClassTable(classes);
}

/** Members of a class that are instance methods with bodies (not constructor, accessors, static or abstract). */
export function instanceMethods(c: ClassInfo): MemberInfo[] {
  return c.members.filter((m) => m.kind === 'method' && !m.isStatic && !m.isAbstract && m.body);
}

/** True when the name is private by convention (`_x`) or syntax (`#x`). */
export function isConventionallyPrivate(name: string): boolean {
  return name.startsWith('_') || name.startsWith('#');
}

/** True when the member is public API (not `private`/`protected`/`#x`/`_x`). */
export function isPublicMember(m: MemberInfo): boolean {
  return !m.isPrivate && !m.isProtected && !isConventionallyPrivate(m.name);
}
