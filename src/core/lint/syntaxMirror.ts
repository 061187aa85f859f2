/**
 * The node model every rule works on: a plain-JavaScript copy of the named nodes of a tree-sitter tree, built with one
 * cursor walk. Every property read on a web-tree-sitter `Node` crosses into wasm (and every query run walks the whole
 * tree again), which made rules cost several times the parse; after one walk that costs about one parse, the engine
 * dispatches every node once to the rules that asked for its type, and rules navigate ordinary objects. Nodes keep
 * the `Node` names rules use (`type`, `parent`, `childForFieldName`, `namedChild`, `child`, `startIndex`,
 * `startPosition`, `hasError`, …) so code reads the same as against tree-sitter.
 *
 * Only named nodes are copied during the walk, which halves it. Anonymous tokens (`+=`, `static`, `}`) are recovered
 * on demand from the source text between a node's named children (`child(i)`, `childCount`, `children` include them,
 * as in tree-sitter): only the few rules that read a keyword pay for it. `hasError` sees ERROR nodes and named
 * MISSING nodes only; the engine checks findings against the real tree before reporting them.
 */
import { firstIndex } from '../util/search.js';
import { rawCursorFor, treeCursorOps, type CursorOps } from './rawCursor.js';
import type { SyntaxTree, TsLanguage, TsNode, TsPoint } from './treeSitter.js';

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** One node of the mirrored tree. Offsets are UTF-16 indices into the file text, as on tree-sitter nodes. */
export class MirrorNode {
  /** Index among the parent's named children. */
  index = 0;
  /** Id of the last node of this node's subtree (ids are pre-order, so the subtree is `id..lastId`). */
  lastId = 0;
  /** Named children, in order. */
  named: MirrorNode[] = NO_CHILDREN;
  /** Anonymous children that a field names (`operator: "+="`, `kind: "const"`), recorded during the walk. */
  fieldTokens: MirrorNode[] = NO_CHILDREN;
  /** Set by the build: this node is or contains an ERROR or (named) MISSING node. */
  errorBelow = false;

  /** @internal Token children cache (cleared when a splice moves the node). */
  all: MirrorNode[] | undefined;

  // `id`, `startIndex` and `endIndex` are written only by the mirror itself (a splice renumbers and moves the nodes
  // after the replaced unit); rules treat them as read-only.
  constructor(
    readonly mirror: SyntaxMirror,
    public id: number,
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    public startIndex: number,
    public endIndex: number,
    /** Field name under which the parent holds this node, or null. */
    readonly field: string | null,
    readonly parent: MirrorNode | null,
    readonly depth: number,
  ) {}

  get isError(): boolean {
    return this.type === 'ERROR';
  }

  /** True when this node is or contains an ERROR or MISSING node (computed bottom-up during the build). */
  get hasError(): boolean {
    return this.errorBelow;
  }

  get namedChildren(): MirrorNode[] {
    return this.named;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  namedChild(i: number): MirrorNode | null {
    return this.namedChildren[i] ?? null;
  }

  /**
   * Every child, named nodes and anonymous tokens, in order (as tree-sitter's `children`). Tokens are recovered from
   * the text between named children on first use; they are leaf nodes with `isNamed` false and id -1.
   */
  get children(): MirrorNode[] {
    this.all ??= this.mirror.withTokens(this);
    return this.all;
  }

  get childCount(): number {
    return this.children.length;
  }

  child(i: number): MirrorNode | null {
    return this.children[i] ?? null;
  }

  childForFieldName(name: string): MirrorNode | null {
    for (const c of this.named) if (c.field === name) return c;
    for (const c of this.fieldTokens) if (c.field === name) return c;
    return null;
  }

  childrenForFieldName(name: string): MirrorNode[] {
    return this.named.filter((c) => c.field === name);
  }

  /** Named descendants of this node (or the node itself) with one of the given types, in document order. */
  descendantsOfType(types: string | readonly string[]): MirrorNode[] {
    return this.mirror.descendantsOfType(this, types);
  }

  get nextNamedSibling(): MirrorNode | null {
    return this.parent?.named[this.index + 1] ?? null;
  }

  get previousNamedSibling(): MirrorNode | null {
    return this.index > 0 ? (this.parent?.named[this.index - 1] ?? null) : null;
  }

  get text(): string {
    return this.mirror.text.slice(this.startIndex, this.endIndex);
  }

  get startPosition(): TsPoint {
    return this.mirror.positionAt(this.startIndex);
  }

  get endPosition(): TsPoint {
    return this.mirror.positionAt(this.endIndex);
  }
}

const ERROR_SYMBOL = 65535;
/** Node types with an anonymous token under a field (`operator: "+="`, `kind: "const"`) that rules read. */
const FIELD_TOKEN_PARENTS = new Set(['binary_expression', 'augmented_assignment_expression', 'assignment_expression', 'unary_expression', 'update_expression', 'for_in_statement', 'lexical_declaration']);
const NO_CHILDREN: MirrorNode[] = [];

/** Per-language lookup tables (type name, namedness, field name by id), built once per grammar. */
interface SymbolTables {
  types: (string | undefined)[];
  named: (boolean | undefined)[];
  fields: (string | null | undefined)[];
}
const tablesByLanguage = new WeakMap<TsLanguage, SymbolTables>();

/** The node type rules are written against (the engine's node model). */
export type SyntaxNode = MirrorNode;

/** Multi-character operator tokens, longest first (everything else between named children is a word or one char). */
const OPERATORS = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>', '->', '//', ':='];

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 || code > 127;
}

/** Two lists in document (id) order merged into one, in linear time (each type's list is already in order). */
function mergeById(a: MirrorNode[], b: MirrorNode[]): MirrorNode[] {
  const out: MirrorNode[] = new Array<MirrorNode>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = (a[i] as MirrorNode).id <= (b[j] as MirrorNode).id ? (a[i++] as MirrorNode) : (b[j++] as MirrorNode);
  while (i < a.length) out[k++] = a[i++] as MirrorNode;
  while (j < b.length) out[k++] = b[j++] as MirrorNode;
  return out;
}

export class SyntaxMirror {
  readonly root: MirrorNode;
  /** Every named node in pre-order (document order, parents before children); `nodes[n.id] === n`. */
  nodes: MirrorNode[] = [];
  private byType = new Map<string, MirrorNode[]>();
  private readonly mergedCache = new Map<string, MirrorNode[]>();
  private lineStarts: number[] = [0];
  private readonly tables: SymbolTables;

  private constructor(
    public text: string,
    private readonly language: TsLanguage,
    cursor: CursorOps,
  ) {
    this.lineStarts = lineStartsOf(text);
    let tables = tablesByLanguage.get(language);
    if (!tables) tablesByLanguage.set(language, (tables = { types: [], named: [], fields: [] }));
    this.tables = tables;
    this.root = this.walk(cursor, null, 0, this.nodes);
    for (const n of this.nodes) this.indexType(n);
  }

  /**
   * Copies the named nodes under the cursor's node (the cursor's root: the walk ends when it cannot go back up) into
   * `out`, numbering them `idBase + out.length` onwards in pre-order, and returns the top one. `parent` and
   * `depth` place the top node (null and 0 for a whole tree). Frees the cursor.
   */
  private walk(cursor: CursorOps, parent: MirrorNode | null, depth0: number, out: MirrorNode[], idBase = 0): MirrorNode {
    const t = this.tables;
    const language = this.language;
    const typeOf = (id: number): string => {
      let s = t.types[id];
      if (s === undefined) {
        s = id === ERROR_SYMBOL ? 'ERROR' : (language.nodeTypeForId(id) ?? `#${id}`);
        t.types[id] = s;
      }
      return s;
    };
    const namedOf = (id: number): boolean => {
      let b = t.named[id];
      if (b === undefined) {
        b = id === ERROR_SYMBOL || language.nodeTypeIsNamed(id);
        t.named[id] = b;
      }
      return b;
    };
    const fieldOf = (id: number): string | null => {
      if (id === 0) return null;
      let f = t.fields[id];
      if (f === undefined) {
        f = language.fieldNameForId(id);
        t.fields[id] = f;
      }
      return f;
    };
    const make = (typeId: number, parent: MirrorNode | null, depth: number, withField: boolean): MirrorNode => {
      const start = cursor.startIndex();
      const end = cursor.endIndex();
      const node = new MirrorNode(this, idBase + out.length, typeOf(typeId), true, start === end && typeId !== ERROR_SYMBOL && cursor.isMissing(), start, end, withField ? fieldOf(cursor.fieldId()) : null, parent, depth);
      out.push(node);
      return node;
    };
    try {
      const top = make(cursor.typeId(), parent, depth0, parent !== null);
      if (parent) {
        if (parent.named === NO_CHILDREN) parent.named = [];
        top.index = parent.named.length;
        parent.named.push(top);
      }
      // Iterative pre-order walk over every node; only named ones are copied, attached to the nearest named
      // ancestor (anonymous nodes have no named descendants worth keeping apart from error recovery tokens).
      const stack: MirrorNode[] = [top];
      const namedAt: boolean[] = [true];
      // The named children of the nodes on the stack, collected in one shared list (`kidsFrom[k]`: where stack[k]'s
      // children begin) and copied out when a node is done: an exactly sized array per parent, where pushing into a
      // fresh array per parent reserved 17 slots for a node's one to three children (a fifth of the model's heap).
      const kids: MirrorNode[] = [];
      const kidsFrom: number[] = [0];
      let depth = 0;
      for (;;) {
        if (cursor.gotoFirstChild()) {
          depth++;
        } else {
          for (;;) {
            if (namedAt[depth]) {
              const done = stack.pop() as MirrorNode;
              const from = kidsFrom.pop() as number;
              if (kids.length > from) {
                done.named = kids.slice(from);
                kids.length = from;
              }
              done.lastId = idBase + out.length - 1;
              if (done.isError || done.isMissing) done.errorBelow = true;
              if (done.errorBelow && done.parent && done !== top) done.parent.errorBelow = true;
            }
            if (depth === 0) return top;
            if (cursor.gotoNextSibling()) break;
            if (!cursor.gotoParent()) {
              // Not reached for a whole tree or a node's subtree (depth 0 returns above); should a cursor end early,
              // the nodes still open keep the children collected so far.
              for (let k = stack.length - 1; k >= 0; k--) {
                const from = kidsFrom[k] as number;
                if (kids.length > from) (stack[k] as MirrorNode).named = kids.slice(from);
                kids.length = from;
              }
              return top;
            }
            depth--;
          }
        }
        const typeId = cursor.typeId();
        if (namedOf(typeId)) {
          const node = make(typeId, stack[stack.length - 1] as MirrorNode, depth0 + stack.length, true);
          node.index = kids.length - (kidsFrom[kidsFrom.length - 1] as number);
          kids.push(node);
          stack.push(node);
          kidsFrom.push(kids.length);
          namedAt[depth] = true;
        } else {
          namedAt[depth] = false;
          // Reading a field id costs a wasm call: only for the parents whose anonymous tokens rules ask for by field.
          const parent = stack[stack.length - 1] as MirrorNode;
          const fieldId = FIELD_TOKEN_PARENTS.has(parent.type) ? cursor.fieldId() : 0;
          if (fieldId !== 0) {
            if (parent.fieldTokens === NO_CHILDREN) parent.fieldTokens = [];
            parent.fieldTokens.push(new MirrorNode(this, -1, typeOf(typeId), false, false, cursor.startIndex(), cursor.endIndex(), fieldOf(fieldId), parent, depth0 + stack.length));
          }
        }
      }
    } finally {
      cursor.done();
    }
  }

  private indexType(n: MirrorNode): void {
    let list = this.byType.get(n.type);
    if (!list) this.byType.set(n.type, (list = []));
    list.push(n);
  }

  /**
   * Mirrors a parsed tree with one cursor walk. `portable` forces web-tree-sitter's own `TreeCursor` (the reference
   * the direct-export walk of `rawCursor.ts` is tested against); by default the faster walk is used when available.
   */
  static build(tree: SyntaxTree, text: string, options: { portable?: boolean } = {}): SyntaxMirror {
    const cursor = (options.portable ? undefined : rawCursorFor(tree)) ?? treeCursorOps(tree);
    return new SyntaxMirror(text, tree.language, cursor);
  }

  /**
   * Replaces the subtree of `old` (a node of this mirror) with a copy of `node`, a node of `tree` whose offsets are
   * `base` less than this mirror's (0 when the tree is of a text with the same offsets), and moves every node after it
   * by `delta` characters (the replacement's length change). The ancestors of `old` below the root take the ranges in
   * `ancestors` (innermost first: the same ancestors in `tree`, which tree-sitter sized); the root's end moves by
   * `delta`. The incremental re-lint keeps its outline's node model this way instead of re-parsing and re-mirroring the
   * outline: every other node keeps its object. Call `setText` with the new text before using the mirror again.
   */
  splice(old: MirrorNode, tree: SyntaxTree, node: TsNode, base: number, delta: number, ancestors: ReadonlyArray<{ readonly start: number; readonly end: number }> = []): void {
    const parent = old.parent;
    if (!parent || this.nodes[old.id] !== old) throw new Error('only a non-root node of this mirror can be replaced');
    const fresh: MirrorNode[] = [];
    const cursor = rawCursorFor(tree, node) ?? treeCursorOps(tree, node);
    // Built under a stand-in parent so the real parent's children list is untouched until the swap below.
    const holder = new MirrorNode(this, -1, parent.type, true, false, 0, 0, null, null, old.depth - 1);
    const top = this.walk(cursor, holder, old.depth, fresh, old.id);
    (top as { parent: MirrorNode | null }).parent = parent;
    (top as { field: string | null }).field = old.field;
    top.index = old.index;
    if (base !== 0) {
      for (const n of fresh) {
        n.startIndex += base;
        n.endIndex += base;
        for (const f of n.fieldTokens) {
          f.startIndex += base;
          f.endIndex += base;
        }
      }
    }
    parent.named[old.index] = top;
    this.replaceInTypeLists(old, fresh);
    const idShift = fresh.length - (old.lastId - old.id + 1);
    const tail = this.nodes.slice(old.lastId + 1);
    for (const n of tail) {
      n.id += idShift;
      n.lastId += idShift;
      n.startIndex += delta;
      n.endIndex += delta;
      n.all = undefined;
      for (const f of n.fieldTokens) {
        f.startIndex += delta;
        f.endIndex += delta;
      }
    }
    this.nodes.length = old.id;
    for (const n of fresh) this.nodes.push(n);
    for (const n of tail) this.nodes.push(n);
    let level = 0;
    for (let a: MirrorNode | null = parent; a; a = a.parent, level++) {
      a.lastId += idShift;
      a.all = undefined;
      if (a === this.root) a.endIndex += delta;
      else {
        const range = ancestors[level];
        if (!range) throw new Error('an ancestor range is missing');
        a.startIndex = range.start;
        a.endIndex = range.end;
      }
    }
    this.root.errorBelow = this.root.isError || this.root.named.some((c) => c.errorBelow);
  }

  /**
   * In each per-type list, the nodes of `old`'s subtree (a contiguous id range: lists are in id order) give way to the
   * nodes of that type in `fresh` (before any id moves).
   */
  private replaceInTypeLists(old: MirrorNode, fresh: readonly MirrorNode[]): void {
    const incoming = new Map<string, MirrorNode[]>();
    for (const n of fresh) {
      const list = incoming.get(n.type);
      if (list) list.push(n);
      else incoming.set(n.type, [n]);
    }
    for (let i = old.id; i <= old.lastId; i++) {
      const t = (this.nodes[i] as MirrorNode).type;
      if (!incoming.has(t)) incoming.set(t, []);
    }
    const firstAtLeast = (list: readonly MirrorNode[], id: number): number => firstIndex(list, (n) => n.id < id);
    for (const [type, nodes] of incoming) {
      const list = this.byType.get(type);
      if (!list) {
        if (nodes.length > 0) this.byType.set(type, nodes);
        continue;
      }
      const from = firstAtLeast(list, old.id);
      const to = firstAtLeast(list, old.lastId + 1);
      // Not `splice(from, n, ...nodes)`: a big unit has more nodes of one type than a call can take as arguments.
      if (nodes.length === to - from) for (let k = 0; k < nodes.length; k++) list[from + k] = nodes[k] as MirrorNode;
      else this.byType.set(type, list.slice(0, from).concat(nodes, list.slice(to)));
    }
    this.mergedCache.clear();
  }

  /**
   * Sets the text the (spliced) nodes now belong to. `change` — the one range where it differs from the previous text
   * (`[start, oldEnd)` became `[start, newEnd)`) — lets the line index be moved instead of rebuilt.
   */
  setText(text: string, change?: { readonly start: number; readonly oldEnd: number; readonly newEnd: number }): void {
    if (change) {
      const delta = change.newEnd - change.oldEnd;
      let starts = this.lineStarts;
      // Lines starting at or before the change stay; those whose break lay in the changed range go; the rest move.
      // Patched in place when the line count holds (typing within a line): only the later starts change.
      const keep = firstIndex(starts, (x) => x <= change.start);
      const after = firstIndex(starts, (x) => x <= change.oldEnd);
      const inside: number[] = [];
      for (let i = text.indexOf('\n', change.start); i >= 0 && i < change.newEnd; i = text.indexOf('\n', i + 1)) inside.push(i + 1);
      if (inside.length !== after - keep) this.lineStarts = starts = starts.slice(0, keep).concat(inside, starts.slice(after));
      else for (let k = 0; k < inside.length; k++) starts[keep + k] = inside[k] as number;
      if (delta !== 0) for (let k = keep + inside.length; k < starts.length; k++) starts[k] = (starts[k] as number) + delta;
    } else this.lineStarts = lineStartsOf(text);
    this.text = text;
    this.mergedCache.clear();
  }

  /**
   * A node's children with its anonymous tokens put back: the text between named children holds only tokens and
   * whitespace (comments are named nodes), so it is split into words, operators and single characters.
   */
  withTokens(node: MirrorNode): MirrorNode[] {
    const out: MirrorNode[] = [];
    let at = node.startIndex;
    const gap = (end: number): void => {
      const text = this.text;
      let i = at;
      while (i < end) {
        const code = text.charCodeAt(i);
        if (code === 32 || code === 9 || code === 10 || code === 13) {
          i++;
          continue;
        }
        const known = node.fieldTokens.find((t) => t.startIndex === i && t.endIndex > i);
        if (known) {
          out.push(known);
          i = known.endIndex;
          continue;
        }
        let j = i + 1;
        if (isWordChar(code)) {
          while (j < end && isWordChar(text.charCodeAt(j))) j++;
        } else {
          const op = OPERATORS.find((o) => o.length <= end - i && text.startsWith(o, i));
          if (op) j = i + op.length;
        }
        out.push(new MirrorNode(this, -1, text.slice(i, j), false, false, i, j, null, node, node.depth + 1));
        i = j;
      }
    };
    for (const c of node.named) {
      gap(c.startIndex);
      out.push(c);
      at = Math.max(at, c.endIndex);
    }
    gap(node.endIndex);
    return out;
  }

  /** Number of nodes mirrored. */
  get size(): number {
    return this.nodes.length;
  }

  /** Named nodes of the given types, in document order. */
  ofType(types: string | readonly string[]): MirrorNode[] {
    if (typeof types === 'string') return this.byType.get(types) ?? [];
    if (types.length === 1) return this.byType.get(types[0] as string) ?? [];
    const key = types.join(' ');
    let merged = this.mergedCache.get(key);
    if (!merged) {
      const lists = types.map((t) => this.byType.get(t) ?? []).filter((l) => l.length > 0);
      merged = lists.length <= 1 ? (lists[0] ?? []) : lists.reduce(mergeById);
      this.mergedCache.set(key, merged);
    }
    return merged;
  }

  /** Named descendants of `node` (or the node itself) with the given types, in document order. */
  descendantsOfType(node: MirrorNode, types: string | readonly string[]): MirrorNode[] {
    const out: MirrorNode[] = [];
    for (const t of typeof types === 'string' ? [types] : types) {
      const list = this.byType.get(t);
      if (!list) continue;
      // Pre-order ids: a subtree is the contiguous id range starting at the node; find its first member by start.
      for (let i = firstIndex(list, (n) => n.id < node.id); i < list.length; i++) {
        const n = list[i] as MirrorNode;
        if (n.id > node.lastId) break;
        out.push(n);
      }
    }
    return types.length > 1 && typeof types !== 'string' ? out.sort((a, b) => a.id - b.id) : out;
  }

  /** UTF-16 offset of a 0-based row and column. */
  offsetAt(row: number, column: number): number {
    return (this.lineStarts[Math.min(row, this.lineStarts.length - 1)] ?? 0) + column;
  }

  /** The smallest named node whose range holds `at` (a binary-search descent from the root). */
  nodeAt(at: number): MirrorNode {
    let n = this.root;
    for (;;) {
      const kids = n.named;
      let lo = 0;
      let hi = kids.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((kids[mid] as MirrorNode).startIndex <= at) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const c = found >= 0 ? (kids[found] as MirrorNode) : undefined;
      if (!c || at >= c.endIndex) return n;
      n = c;
    }
  }

  /** 0-based row and UTF-16 column of an offset. */
  positionAt(index: number): TsPoint {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return { row: lo, column: index - (this.lineStarts[lo] as number) };
  }
}
