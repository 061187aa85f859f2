/**
 * A plain-JavaScript copy of the named nodes of a tree-sitter tree, built with one cursor walk. Every property read on a web-tree-sitter
 * `Node` crosses into wasm (and every query run walks the whole tree again), which made rules cost several times
 * the parse; after one walk that costs about one parse, rules navigate ordinary objects and look nodes up by type
 * from an index. The mirror keeps the `Node` names rules use (`type`, `parent`, `childForFieldName`, `namedChild`,
 * `startIndex`, `startPosition`, `hasError`, …) so code reads the same either way.
 *
 * Only named nodes are copied (anonymous tokens such as `+=` or `in` are read from the text between named nodes),
 * which halves the walk. `hasError` therefore sees ERROR nodes and named MISSING nodes only; the engine checks
 * findings against the real tree before reporting them.
 */
import type { SyntaxTree, TsLanguage, TsPoint } from './treeSitter.js';

/** One node of the mirrored tree. Offsets are UTF-16 indices into the file text, as on tree-sitter nodes. */
export class MirrorNode {
  /** Index among the parent's children (all children, named or not). */
  index = 0;
  /** Id of the last node of this node's subtree (ids are pre-order, so the subtree is `id..lastId`). */
  lastId = 0;
  /** Named children (the mirror holds named nodes only). */
  children: MirrorNode[] = NO_CHILDREN;
  private errorBelow: boolean | undefined;

  constructor(
    readonly mirror: SyntaxMirror,
    readonly id: number,
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    /** Field name under which the parent holds this node, or null. */
    readonly field: string | null,
    readonly parent: MirrorNode | null,
    readonly depth: number,
  ) {}

  get isError(): boolean {
    return this.type === 'ERROR';
  }

  /** True when this node is or contains an ERROR or MISSING node. */
  get hasError(): boolean {
    if (this.errorBelow === undefined) this.errorBelow = this.isError || this.isMissing || this.children.some((c) => c.hasError);
    return this.errorBelow;
  }

  get namedChildren(): MirrorNode[] {
    return this.children;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  namedChild(i: number): MirrorNode | null {
    return this.namedChildren[i] ?? null;
  }

  get childCount(): number {
    return this.children.length;
  }

  child(i: number): MirrorNode | null {
    return this.children[i] ?? null;
  }

  childForFieldName(name: string): MirrorNode | null {
    for (const c of this.children) if (c.field === name) return c;
    return null;
  }

  childrenForFieldName(name: string): MirrorNode[] {
    return this.children.filter((c) => c.field === name);
  }

  get nextNamedSibling(): MirrorNode | null {
    return this.parent?.children[this.index + 1] ?? null;
  }

  get previousNamedSibling(): MirrorNode | null {
    return this.index > 0 ? (this.parent?.children[this.index - 1] ?? null) : null;
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
const NO_CHILDREN: MirrorNode[] = [];

/** Per-language lookup tables (type name, namedness, field name by id), built once per grammar. */
interface SymbolTables {
  types: (string | undefined)[];
  named: (boolean | undefined)[];
  fields: (string | null | undefined)[];
}
const tablesByLanguage = new WeakMap<TsLanguage, SymbolTables>();

export class SyntaxMirror {
  readonly root: MirrorNode;
  private readonly byType = new Map<string, MirrorNode[]>();
  private readonly mergedCache = new Map<string, MirrorNode[]>();
  private readonly lineStarts: number[] = [0];
  private count = 0;

  private constructor(
    readonly text: string,
    tree: SyntaxTree,
    language: TsLanguage,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    let tables = tablesByLanguage.get(language);
    if (!tables) tablesByLanguage.set(language, (tables = { types: [], named: [], fields: [] }));
    const t = tables;
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
    const cursor = tree.walk();
    const make = (typeId: number, parent: MirrorNode | null, depth: number): MirrorNode => {
      const start = cursor.startIndex;
      const end = cursor.endIndex;
      const type = typeOf(typeId);
      const node = new MirrorNode(this, this.count++, type, true, start === end && typeId !== ERROR_SYMBOL && cursor.nodeIsMissing, start, end, parent ? fieldOf(cursor.currentFieldId) : null, parent, depth);
      let list = this.byType.get(type);
      if (!list) this.byType.set(type, (list = []));
      list.push(node);
      if (parent) {
        if (parent.children === NO_CHILDREN) parent.children = [];
        node.index = parent.children.length;
        parent.children.push(node);
      }
      return node;
    };
    try {
      this.root = make(cursor.nodeTypeId, null, 0);
      // Iterative pre-order walk over every node; only named ones are copied, attached to the nearest named
      // ancestor (anonymous nodes have no named descendants worth keeping apart from error recovery tokens).
      const stack: MirrorNode[] = [this.root];
      const namedAt: boolean[] = [true];
      let depth = 0;
      for (;;) {
        if (cursor.gotoFirstChild()) {
          depth++;
        } else {
          for (;;) {
            if (namedAt[depth]) (stack.pop() as MirrorNode).lastId = this.count - 1;
            if (cursor.gotoNextSibling()) break;
            if (!cursor.gotoParent()) return;
            depth--;
          }
        }
        const typeId = cursor.nodeTypeId;
        if (namedOf(typeId)) {
          stack.push(make(typeId, stack[stack.length - 1] as MirrorNode, stack.length));
          namedAt[depth] = true;
        } else namedAt[depth] = false;
      }
    } finally {
      cursor.delete();
    }
  }

  /** Mirrors a parsed tree (one cursor walk, about the cost of one parse). */
  static build(tree: SyntaxTree, text: string): SyntaxMirror {
    return new SyntaxMirror(text, tree, tree.language);
  }

  /** Number of nodes mirrored. */
  get size(): number {
    return this.count;
  }

  /** Named nodes of the given types, in document order. */
  ofType(types: string | readonly string[]): MirrorNode[] {
    if (typeof types === 'string') return this.byType.get(types) ?? [];
    if (types.length === 1) return this.byType.get(types[0] as string) ?? [];
    const key = types.join(' ');
    let merged = this.mergedCache.get(key);
    if (!merged) {
      const lists = types.map((t) => this.byType.get(t) ?? []).filter((l) => l.length > 0);
      merged = lists.length <= 1 ? (lists[0] ?? []) : lists.flat().sort((a, b) => a.id - b.id);
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
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((list[mid] as MirrorNode).id < node.id) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < list.length; i++) {
        const n = list[i] as MirrorNode;
        if (n.id > node.lastId) break;
        out.push(n);
      }
    }
    return types.length > 1 && typeof types !== 'string' ? out.sort((a, b) => a.id - b.id) : out;
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
