/**
 * A tree cursor that talks to tree-sitter's wasm exports directly. web-tree-sitter's `TreeCursor` copies its four
 * state words into the wasm transfer buffer before every call and back after every move (eight typed-array helper
 * calls each way): on the mirror walk that bookkeeping cost as much as the C work itself. The C side keeps the
 * cursor in that buffer between calls anyway, so during one synchronous walk the state is written once at the start
 * and read back once at the end.
 *
 * The exports come from the emscripten module object, which is the options object handed to `Parser.init`
 * (emscripten assigns every export and the heap views onto it). When that object does not carry them (another
 * web-tree-sitter build, or the module was initialised by someone else first) `rawCursorFor` returns undefined and
 * callers use the ordinary `TreeCursor`. The mirror test compares both walks node for node.
 */
import type * as TreeSitter from 'web-tree-sitter';

// The same types treeSitter.ts exports, named from the package itself: treeSitter.ts imports this module.
type TsModule = typeof TreeSitter;
type SyntaxTree = TreeSitter.Tree;

/** The cursor operations the mirror walk needs; implemented over the raw exports or over a `TreeCursor`. */
export interface CursorOps {
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  typeId(): number;
  startIndex(): number;
  endIndex(): number;
  fieldId(): number;
  isMissing(): boolean;
  /** Frees the cursor (always call, in a `finally`). */
  done(): void;
}

type TreePtrFn = (tree: number) => number;

/** The emscripten exports used here (names as web-tree-sitter 0.25–0.27 build them). */
interface RawExports {
  HEAP32: Int32Array;
  _ts_init: () => number;
  _ts_tree_cursor_goto_first_child_wasm: TreePtrFn;
  _ts_tree_cursor_goto_next_sibling_wasm: TreePtrFn;
  _ts_tree_cursor_goto_parent_wasm: TreePtrFn;
  _ts_tree_cursor_current_node_type_id_wasm: TreePtrFn;
  _ts_tree_cursor_start_index_wasm: TreePtrFn;
  _ts_tree_cursor_end_index_wasm: TreePtrFn;
  _ts_tree_cursor_current_field_id_wasm: TreePtrFn;
  _ts_tree_cursor_current_node_is_missing_wasm: TreePtrFn;
}

const FUNCTIONS = [
  '_ts_init',
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
  '_ts_tree_cursor_current_field_id_wasm',
  '_ts_tree_cursor_current_node_is_missing_wasm',
] as const;

interface Registered {
  readonly mod: TsModule;
  readonly raw: RawExports;
  readonly transfer: number;
}

const registered: Registered[] = [];

/** Internal handles web-tree-sitter keeps on its objects (`tree[0]` is the TSTree pointer, `cursor.handles` the state). */
interface TreeHandle {
  readonly 0?: unknown;
}
interface CursorHandles {
  readonly handles?: unknown;
}

/**
 * Records the emscripten module object of an initialised web-tree-sitter module (the options object passed to
 * `Parser.init`). Ignored unless it carries every export the raw cursor needs.
 */
export function registerRawModule(mod: TsModule, moduleObject: object): void {
  const o = moduleObject as Partial<Record<string, unknown>>;
  if (!(o['HEAP32'] instanceof Int32Array)) return;
  if (!FUNCTIONS.every((f) => typeof o[f] === 'function')) return;
  if (registered.some((r) => r.mod === mod)) return;
  const raw = moduleObject as unknown as RawExports;
  // `ts_init` only (re)writes two version words into the static transfer buffer and returns its address.
  registered.push({ mod, raw, transfer: raw._ts_init() });
}

/**
 * A raw cursor over the whole tree (or over the subtree of `node`, a node of that tree: the cursor cannot leave it), or
 * undefined when the fast path is not available for this tree.
 */
export function rawCursorFor(tree: SyntaxTree, node?: TreeSitter.Node): CursorOps | undefined {
  const entry = registered.find((r) => tree instanceof r.mod.Tree);
  if (!entry) return undefined;
  const treePtr = (tree as unknown as TreeHandle)[0];
  const cursor = (node ?? tree.rootNode).walk();
  const handles = (cursor as unknown as CursorHandles).handles;
  if (typeof treePtr !== 'number' || !Array.isArray(handles) || handles.length !== 4) {
    cursor.delete();
    return undefined;
  }
  const { raw, transfer } = entry;
  const word = transfer >> 2;
  // The cursor's state goes into the transfer buffer once; every move below reads and rewrites it there.
  const heap = (): Int32Array => raw.HEAP32; // re-read: a heap growth replaces the view
  for (let i = 0; i < 4; i++) heap()[word + i] = handles[i] as number;
  return {
    gotoFirstChild: () => raw._ts_tree_cursor_goto_first_child_wasm(treePtr) === 1,
    gotoNextSibling: () => raw._ts_tree_cursor_goto_next_sibling_wasm(treePtr) === 1,
    gotoParent: () => raw._ts_tree_cursor_goto_parent_wasm(treePtr) === 1,
    typeId: () => raw._ts_tree_cursor_current_node_type_id_wasm(treePtr),
    startIndex: () => raw._ts_tree_cursor_start_index_wasm(treePtr),
    endIndex: () => raw._ts_tree_cursor_end_index_wasm(treePtr),
    fieldId: () => raw._ts_tree_cursor_current_field_id_wasm(treePtr),
    isMissing: () => raw._ts_tree_cursor_current_node_is_missing_wasm(treePtr) === 1,
    done: () => {
      // Moves may have reallocated the cursor's stack: hand the current state back before freeing it.
      const h = heap();
      for (let i = 0; i < 4; i++) handles[i] = h[word + i];
      cursor.delete();
    },
  };
}

/** The same operations over web-tree-sitter's own cursor (the portable path). */
export function treeCursorOps(tree: SyntaxTree, node?: TreeSitter.Node): CursorOps {
  const cursor = (node ?? tree.rootNode).walk();
  return {
    gotoFirstChild: () => cursor.gotoFirstChild(),
    gotoNextSibling: () => cursor.gotoNextSibling(),
    gotoParent: () => cursor.gotoParent(),
    typeId: () => cursor.nodeTypeId,
    startIndex: () => cursor.startIndex,
    endIndex: () => cursor.endIndex,
    fieldId: () => cursor.currentFieldId,
    isMissing: () => cursor.nodeIsMissing,
    done: () => cursor.delete(),
  };
}
