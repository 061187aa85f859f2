/**
 * Incremental re-lint for the editor's lint worker: after an edit that stays inside ONE function or method body, only
 * the top-level unit holding it (the function, or the whole class of the method) is re-linted, and every other finding
 * is kept from the previous lint (lines re-based by the edit's line delta).
 *
 * How it decides (anything else falls back to the full lint, which is always exact):
 * - the old and new texts differ in one range (common prefix/suffix), and that range lies inside the body of a
 *   top-level function (Python `def`, decorated or not; JS/TS `function` declarations, exported or not) or of a method
 *   directly in a top-level class — never in a header, decorators, parameters or class-level statements;
 * - no other top-level unit shares a line with that unit (findings are kept or replaced by line);
 * - the new tree has the same top-level units (count, types, starts; only the unit's end moves), and the unit holds
 *   no syntax error before or after, and neither has the outline (errors inside other units' bodies are blanked away;
 *   elsewhere, error recovery after an incremental re-parse may differ from a fresh parse's);
 * - the unit's "outline digest" — what other units can observe of its bodies — is unchanged: classes declared in it
 *   (name and bases), `global`/`nonlocal` statements, attributes assigned on any object (`self.x = …`, `this.x = …`),
 *   identifiers assigned in JS/TS (they may rebind a module-level `let`), and `raise` / `throw` statements; a Python
 *   unit with a `global` statement never takes the fast path (any binding form in it may rebind a module name);
 * - the unit's function and method bodies in the new tree are the old ones, moved (an edit can reshape a class around
 *   the edited method with no syntax error: `/*` closed in the next method swallows it);
 * - classes related by inheritance within the file are judged together: the units holding the relatives of the unit's
 *   classes (`relativesOf`, transitively) are re-linted with it, unless the family is too large.
 * The unit's findings are then computed by linting an OUTLINE text: the file with the bodies of every other top-level
 * function and method blanked to whitespace (offsets, lines and columns kept; a Python body becomes `...`, a JS body
 * `{ }`) — the unit's relatives stay verbatim — so module bindings, class headers, member names and signatures stay
 * visible to the rules' file tables.
 * The outline is kept parsed in the worker and edited in place (`outlineChanges`: blanking keeps every offset, so it
 * changes exactly where the text did), then re-parsed incrementally. The rules are handed only the root and the
 * unit's nodes (engine `LintOptions.unit`); they still read the whole outline through the node model and the per-file
 * analyses (scope, class tables, value kinds), built from the outline. Audit of rules that read outside their unit:
 * every rule reads file tables (exact: they come from the outline, where other units keep their names, headers and
 * signatures); the walk-order state rules keep is per loop or per node (dedupe sets keyed by a loop or binding inside
 * the unit, memo maps) except loop.linear-membership-test (JS/TS), whose `file:exit` reports declarations from what
 * calls all over the file collected: it is marked `walksWholeFile` and still gets every call. Only findings on the
 * lines of the unit and its relatives are taken. Exactness is checked by a property test and scripted typing on real
 * files (test/unit/lint/worker/incrementalLint.test.ts).
 */
import type { TextChange } from '../incrementalDocument.js';
import type { Finding, OutlineFacts } from '../rule.js';
import type { LintLanguageId } from '../languages.js';
import { namesAfterTypeKeywords } from '../js/typeUses.js';
import { firstIndex } from '../../util/search.js';
import type { MirrorNode, SyntaxMirror } from '../syntaxMirror.js';
import type { LoadedGrammar, SyntaxTree, TsNode } from '../treeSitter.js';

/** One top-level unit (a named child of the root), in the text it was taken from. */
export interface Unit {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly startRow: number;
  readonly endRow: number;
  /** The unit holds a syntax error (its findings depend on error recovery: never re-linted alone). */
  readonly hasError: boolean;
  /** Where edits may take the fast path: a function unit's body, or the bodies of a class unit's methods. */
  readonly bodies?: ReadonlyArray<{ readonly start: number; readonly end: number }>;
  /** Outline digest of the unit (what other units can observe of its bodies). */
  readonly digest?: string;
  /**
   * Python: attribute names the unit assigns on objects other than `self` / `cls` — what its bodies contribute to
   * `OutlineFacts` when they are blanked in another unit's outline.
   */
  readonly attributesAssignedOutside?: readonly string[];
  /**
   * Python: how the unit's text uses the file's class names (`Name` and `Name(` occurrences, counted). Whether the
   * file instantiates a class decides findings on that class (oop.abstract-class-misuse), and a call or a shadowing
   * binding typed in another unit changes it: a change here takes the full lint.
   */
  readonly classUses?: string;
  /**
   * Python: names the unit declares `global`. Its bodies are blanked in other units' outlines, so a module name it
   * rebinds (`global G; for G in xs: …`) is invisible there: an edit in a unit that mentions such a name takes the
   * full lint.
   */
  readonly globals?: readonly string[];
  /** Python: which names some unit of the file declares `global` this unit's text mentions (as words). */
  readonly globalMentions?: readonly string[];
}

/** What the last lint of a document left for the next one. */
export interface LintSnapshot {
  readonly text: string;
  readonly findings: readonly Finding[];
  readonly units: readonly Unit[];
  /** Names of every class in the file. */
  readonly classNames: ReadonlySet<string>;
  /** JS/TS: `namesAfterTypeKeywords` of the whole text (`OutlineFacts.typeKeywordNames`). */
  readonly typeKeywordNames?: ReadonlySet<string>;
  /**
   * Every class of the file (at any depth): its name, the names its bases end with, and the top-level unit holding it
   * — the inheritance graph between units (`relativesOf`).
   */
  readonly classes?: ReadonlyArray<{ readonly name: string; readonly bases: readonly string[]; readonly unit: number }>;
}

/**
 * Counters for tests and benchmarks: how often the fast path was taken, why it was not, and where each fast re-lint's
 * time went (`stages`: stage name → the last `STAGE_SAMPLES` durations in ms, in the order the stages run).
 */
export const incrementalStats = { fast: 0, full: 0, reasons: new Map<string, number>(), stages: new Map<string, number[]>() };

const STAGE_SAMPLES = 1000;

/** Records how long one stage of a fast re-lint took (bounded: an editor session re-lints for hours). */
export function recordStage(stage: string, ms: number): void {
  let list = incrementalStats.stages.get(stage);
  if (!list) incrementalStats.stages.set(stage, (list = []));
  if (list.length >= STAGE_SAMPLES) list.shift();
  list.push(ms);
}

function miss(reason: string): undefined {
  incrementalStats.reasons.set(reason, (incrementalStats.reasons.get(reason) ?? 0) + 1);
  return undefined;
}

const PY_FUNCTION = 'function_definition';
const JS_FUNCTIONS = new Set(['function_declaration', 'generator_function_declaration']);
const FUNCTION_LIKE = new Set(['function_definition', 'function_declaration', 'generator_function_declaration', 'method_definition', 'function_expression', 'function', 'generator_function']);

/** Nodes the outline walk enters to find function bodies to blank. */
const CONTAINERS = new Set(['decorated_definition', 'class_definition', 'block', 'export_statement', 'class_declaration', 'abstract_class_declaration', 'class_body']);

/**
 * What the unit helpers read of a node: tree-sitter's `Node` and the engine's `MirrorNode` both have it, so a unit's
 * outline digest can be taken from either (the same function, so the same string).
 */
interface OutlineNode {
  readonly type: string;
  readonly isNamed: boolean;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly namedChildCount: number;
  readonly namedChildren: ReadonlyArray<OutlineNode | null>;
  childForFieldName(name: string): OutlineNode | null;
  namedChild(i: number): OutlineNode | null;
  descendantsOfType(types: string[]): ReadonlyArray<OutlineNode | null>;
}

/** The function a top-level unit declares (through decorators / `export`), or null. */
function functionOf<N extends OutlineNode>(unit: N, python: boolean): N | null {
  if (python) {
    if (unit.type === PY_FUNCTION) return unit;
    if (unit.type === 'decorated_definition') {
      const d = unit.childForFieldName('definition') as N | null;
      return d?.type === PY_FUNCTION ? d : null;
    }
    return null;
  }
  if (JS_FUNCTIONS.has(unit.type)) return unit;
  if (unit.type === 'export_statement') {
    const d = unit.childForFieldName('declaration') as N | null;
    return d && JS_FUNCTIONS.has(d.type) ? d : null;
  }
  return null;
}

const PY_CLASS = 'class_definition';
const JS_CLASSES = new Set(['class_declaration', 'abstract_class_declaration', 'class']);

/** The class a top-level unit declares (through decorators / `export`), or null. */
function classOf<N extends OutlineNode>(unit: N, python: boolean): N | null {
  if (python) {
    if (unit.type === PY_CLASS) return unit;
    if (unit.type === 'decorated_definition') {
      const d = unit.childForFieldName('definition') as N | null;
      return d?.type === PY_CLASS ? d : null;
    }
    return null;
  }
  if (unit.type === 'class_declaration' || unit.type === 'abstract_class_declaration') return unit;
  if (unit.type === 'export_statement') {
    const d = unit.childForFieldName('declaration') as N | null;
    return d && (d.type === 'class_declaration' || d.type === 'abstract_class_declaration') ? d : null;
  }
  return null;
}

/** The names a class's bases end with (`a.b.C` → `C`; `Base[T]` → `Base`). */
function baseNamesOf(cls: OutlineNode, python: boolean): string[] {
  const text = python ? (cls.childForFieldName('superclasses')?.text ?? '') : (cls.namedChildren.find((c) => c?.type === 'class_heritage')?.text ?? '');
  return text.match(/[A-Za-z_$][\w$]*/g) ?? [];
}

/** Body ranges of the methods directly in a class body. */
function methodBodies(cls: TsNode, python: boolean): Array<{ start: number; end: number }> {
  return methodBodyNodes(cls, python).map((b) => ({ start: b.startIndex, end: b.endIndex }));
}

/** The body nodes of the methods directly in a class body (decorated ones included). */
function methodBodyNodes(cls: TsNode, python: boolean): TsNode[] {
  const out: TsNode[] = [];
  const body = cls.childForFieldName('body');
  if (!body) return out;
  for (let i = 0; i < body.namedChildCount; i++) {
    let m = body.namedChild(i);
    if (python && m?.type === 'decorated_definition') m = m.childForFieldName('definition');
    if (!m || m.type !== (python ? PY_FUNCTION : 'method_definition')) continue;
    const b = m.childForFieldName('body');
    if (b) out.push(b);
  }
  return out;
}

/**
 * What other units can observe of a unit's function bodies: classes declared in them (with their bases), `global` /
 * `nonlocal` statements, attributes assigned on any object (`self.x = …`, `this.x = …`), identifiers assigned in
 * JS/TS (they may rebind a module-level `let`), and `raise` / `throw` statements (abstract-method detection). A Python
 * unit with a `global` statement contributes its whole text: any binding form in it (assignment, `for`, `import`,
 * `def`, `with … as`, …) may rebind a module name, so every edit of it takes the full lint.
 */
function digestOf(node: OutlineNode, python: boolean): string {
  const parts: string[] = [];
  const types = python
    ? ['global_statement', 'nonlocal_statement', 'class_definition', 'raise_statement', 'assignment', 'augmented_assignment']
    : ['class_declaration', 'class', 'abstract_class_declaration', 'assignment_expression', 'augmented_assignment_expression', 'throw_statement'];
  for (const n of node.descendantsOfType(types)) {
    // Named nodes only: tree-sitter also returns the anonymous `class` keyword for the type `class`.
    if (!n?.isNamed) continue;
    if (n.type === PY_CLASS || JS_CLASSES.has(n.type)) parts.push(`class ${n.childForFieldName('name')?.text ?? ''} ${baseNamesOf(n, python).join(',')}`);
    else if (n.type.includes('assignment')) {
      const left = n.childForFieldName('left');
      if (left && (left.type === 'attribute' || left.type === 'member_expression' || (!python && left.type === 'identifier'))) parts.push(`= ${left.text}`);
    } else if (n.type === 'global_statement') parts.push(n.text, node.text);
    else parts.push(n.text);
  }
  // A class another unit instantiates, tests with `instanceof` or extends is not a namespace (oop.static-only-class
  // reads such uses from the whole file text).
  if (!python) for (const name of namesAfterTypeKeywords(node.text)) parts.push(`uses ${name}`);
  return parts.sort().join('\n');
}

/** Python: the attribute names a declaration assigns on objects other than `self` / `cls` (as oop.access-before-definition counts them). */
function attributesAssignedOutside(node: OutlineNode): string[] {
  const out = new Set<string>();
  for (const n of node.descendantsOfType(['assignment', 'augmented_assignment'])) {
    const left = n?.childForFieldName('left');
    if (!left || left.type !== 'attribute') continue;
    const obj = left.childForFieldName('object');
    const attr = left.childForFieldName('attribute');
    if (!obj || !attr || (obj.type === 'identifier' && /^(self|cls)$/.test(obj.text))) continue;
    out.add(attr.text);
  }
  return [...out].sort();
}

/** See `Unit.classUses`: one pass over the text's words (comments and strings included: more full lints, never fewer). */
function classUsesOf(decl: OutlineNode, classNames: ReadonlySet<string>): string {
  if (classNames.size === 0) return '';
  return [...classUseCounts(decl.text, 0, decl.text.length, classNames)]
    .map(([k, n]) => `${k}:${n}`)
    .sort()
    .join(' ');
}

/**
 * How `text[from, to)` uses the class names: `Name` and `Name(` occurrences counted, a word's lookahead (spaces, then
 * `(`) cut at `to` as a unit's is cut at its end.
 */
function classUseCounts(text: string, from: number, to: number, classNames: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  const word = /[A-Za-z_]\w*/g;
  word.lastIndex = from;
  for (let m = word.exec(text); m && m.index < to; m = word.exec(text)) {
    const name = m.index + m[0].length <= to ? m[0] : m[0].slice(0, to - m.index);
    if (!classNames.has(name)) continue;
    let j = m.index + name.length;
    while (j < to && /\s/.test(text.charAt(j))) j++;
    const k = j < to && text.charAt(j) === '(' ? `${name}(` : name;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/**
 * Whether an edit changed a unit's class-name uses (`Unit.classUses`), reading only around the edit: the words the
 * edit touched, the word before it whose lookahead can reach into it, and the spaces and `(` after it — clamped to the
 * declaration ([declStart, oldEnd) in the old text, [declStart, newEnd) in the new). Everything outside that window is
 * the same text with the same word boundaries, so the unit's counts differ exactly when the window's do.
 */
export function classUsesChanged(
  oldText: string,
  newText: string,
  change: { readonly start: number; readonly oldEnd: number; readonly newEnd: number },
  decl: { readonly start: number; readonly oldEnd: number; readonly newEnd: number },
  classNames: ReadonlySet<string>,
): boolean {
  if (classNames.size === 0) return false;
  const isWord = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  const isSpace = (ch: string): boolean => /\s/.test(ch);
  let from = change.start;
  while (from > decl.start && isSpace(oldText.charAt(from - 1))) from--;
  while (from > decl.start && isWord(oldText.charCodeAt(from - 1))) from--;
  const right = (text: string, at: number, end: number): number => {
    while (at < end && isWord(text.charCodeAt(at))) at++;
    while (at < end && isSpace(text.charAt(at))) at++;
    return at < end && text.charAt(at) === '(' ? at + 1 : at;
  };
  // A word cut by the window's start would count as a shorter one: start at a word boundary (text before the edit is
  // the same in both).
  const before = classUseCounts(oldText, from, right(oldText, change.oldEnd, decl.oldEnd), classNames);
  const after = classUseCounts(newText, from, right(newText, change.newEnd, decl.newEnd), classNames);
  if (before.size !== after.size) return true;
  for (const [k, n] of before) if (after.get(k) !== n) return true;
  return false;
}

/** A Python unit's facts for other units' outlines and its uses of the file's class names, or nothing. */
function factsOf(unit: OutlineNode, python: boolean, classNames: ReadonlySet<string>): Pick<Unit, 'attributesAssignedOutside' | 'classUses' | 'globals'> {
  if (!python) return {};
  const decl = functionOf(unit, python) ?? classOf(unit, python);
  if (!decl) return {};
  const globals = globalNamesOf(decl);
  return { attributesAssignedOutside: attributesAssignedOutside(decl), classUses: classUsesOf(decl, classNames), ...(globals.length > 0 ? { globals } : {}) };
}

/** Python: the names a declaration's `global` statements list, sorted. */
function globalNamesOf(decl: OutlineNode): string[] {
  const out = new Set<string>();
  for (const g of decl.descendantsOfType(['global_statement'])) for (const n of g?.namedChildren ?? []) if (n?.type === 'identifier') out.add(n.text);
  return [...out].sort();
}

/**
 * Python: whether the units to re-lint mention a name that a unit the outline blanks declares `global` (as a word;
 * comments and strings included: more full lints, never fewer). Found by the cross-unit property test: `for G in xs:
 * pass` under `global G` in one function, then an edit in another function testing `x in G`, kept the finding for the
 * module's `G = []` that the rebinding had cleared. The mentions are recorded at the full lint (`globalMentions`); the
 * edited unit's can only change around the edit, which is all that is read per keystroke.
 */
function globalElsewhere(prev: LintSnapshot, linted: readonly number[], change: { start: number; oldEnd: number; newEnd: number }, newText: string): boolean {
  const names = new Set<string>();
  prev.units.forEach((u, i) => {
    if (!linted.includes(i)) for (const g of u.globals ?? []) names.add(g);
  });
  if (names.size === 0) return false;
  if (linted.some((i) => prev.units[i]?.globalMentions?.some((g) => names.has(g)))) return true;
  const edited = prev.units[linted[0] as number] as Unit;
  const delta = change.newEnd - change.oldEnd;
  return classUsesChanged(prev.text, newText, change, { start: edited.start, oldEnd: edited.end, newEnd: edited.end + delta }, names);
}

/** Python: each unit's `globalMentions`, once every unit's `global` names are known. */
function withGlobalMentions(units: readonly Unit[], text: string): Unit[] {
  const all = new Set(units.flatMap((u) => u.globals ?? []));
  if (all.size === 0) return [...units];
  return units.map((u) => {
    if (u.digest === undefined) return u;
    const mentions = [...new Set([...classUseCounts(text, u.start, u.end, all).keys()].map((k) => k.replace(/\($/, '')))].sort();
    return mentions.length > 0 ? { ...u, globalMentions: mentions } : u;
  });
}

/**
 * What the bodies blanked in the outline of `plan`'s unit contribute to whole-file facts: the facts of every other unit
 * (taken from the last full lint or kept since; a unit whose facts change changes its digest, so a kept fact is exact).
 */
export function outlineFactsFor(prev: LintSnapshot, plan: FastPlan): OutlineFacts {
  const attributes = new Set<string>();
  prev.units.forEach((u, i) => {
    if (i !== plan.index) for (const a of u.attributesAssignedOutside ?? []) attributes.add(a);
  });
  return { attributesAssignedOutside: attributes, typeKeywordNames: prev.typeKeywordNames };
}

/**
 * The outline digest of a top-level unit (tree-sitter's node or the engine's): of the function or class it declares,
 * undefined for other units.
 */
export function unitDigest(unit: OutlineNode, languageId: LintLanguageId): string | undefined {
  const python = languageId === 'python';
  const decl = functionOf(unit, python) ?? classOf(unit, python);
  return decl ? digestOf(decl, python) : undefined;
}

/**
 * A top-level unit of a tree (a few wasm calls on the root's children and the functions' outlines). `withDigest`
 * false leaves out the digest, the one part that reads the whole unit (the fast path takes it from the node model).
 * `model` is the same unit in a node model of the same text: the digest and facts are read from it (plain objects)
 * instead of from the tree (a wasm call per node read).
 */
function unitOf(n: TsNode, python: boolean, withDigest = true, classNames: ReadonlySet<string> = new Set(), model?: OutlineNode): Unit {
  const base = { type: n.type, start: n.startIndex, end: n.endIndex, startRow: n.startPosition.row, endRow: n.endPosition.row, hasError: n.hasError };
  const facts = (decl: OutlineNode | null): Pick<Unit, 'digest' | 'attributesAssignedOutside' | 'classUses' | 'globals'> =>
    withDigest && decl ? { digest: digestOf(decl, python), ...factsOf(model ?? n, python, classNames) } : {};
  const fn = functionOf(n, python);
  const body = fn?.childForFieldName('body');
  if (fn && body) return { ...base, bodies: [{ start: body.startIndex, end: body.endIndex }], ...facts(model ? functionOf(model, python) : fn) };
  const cls = classOf(n, python);
  if (cls) return { ...base, bodies: methodBodies(cls, python), ...facts(model ? classOf(model, python) : cls) };
  return base;
}

/**
 * The top-level units of a tree, the file's class names and classes (with their bases and units), and (JS/TS) the
 * names its text uses after `new` / `instanceof` / `extends`. With `mirror` — the node model of the same tree and text
 * that the lint ran on — the parts that read whole units (class discovery, digests, facts) read the node model: after
 * a full lint of a 5,000-line Python file that was about 45 ms of wasm calls through web-tree-sitter's nodes.
 */
export function unitsOf(tree: SyntaxTree, text: string, languageId: LintLanguageId, mirror?: SyntaxMirror): Pick<LintSnapshot, 'units' | 'classNames' | 'typeKeywordNames' | 'classes'> {
  const python = languageId === 'python';
  const units: Unit[] = [];
  const root = tree.rootNode;
  const model = mirror && mirror.text === text && mirror.root.named.length === root.namedChildCount ? mirror.root : undefined;
  const classNames = new Set<string>();
  const found: Array<{ name: string; bases: string[]; start: number }> = [];
  for (const c of (model ?? root).descendantsOfType(python ? [PY_CLASS] : [...JS_CLASSES])) {
    // Named nodes only: tree-sitter also returns the anonymous `class` keyword for the type `class`.
    if (!c?.isNamed) continue;
    const bases = baseNamesOf(c, python);
    const name = c.childForFieldName('name')?.text;
    if (name) classNames.add(name);
    found.push({ name: name ?? '', bases, start: c.startIndex });
  }
  for (let i = 0; i < root.namedChildCount; i++) {
    const n = root.namedChild(i);
    const m = model?.named[i];
    if (n) units.push(unitOf(n, python, true, classNames, m && m.startIndex === n.startIndex && m.type === n.type ? m : undefined));
  }
  const classes = found.map((c) => ({ name: c.name, bases: c.bases, unit: firstIndex(units, (u) => u.end <= c.start) }));
  return { units: python ? withGlobalMentions(units, text) : units, classNames, typeKeywordNames: python ? undefined : namesAfterTypeKeywords(text), classes };
}

/**
 * Python: whether a unit the outline blanks may call one of the linted units' subclasses — a class with a base in the
 * file. Whether the file instantiates such a class decides oop.abstract-class-misuse on it, and the outline cannot see
 * calls in blanked bodies (found by the cross-unit property test: `x = Sub()` in one function, then an edit in the
 * family of `Sub`, dropped the finding on `Sub`). Read from the other units' `classUses` (`Name(` counted, comments
 * and strings included: more full lints, never fewer).
 */
function instantiatedElsewhere(prev: LintSnapshot, linted: readonly number[]): boolean {
  const subclasses = (prev.classes ?? []).filter((c) => linted.includes(c.unit) && c.bases.some((b) => prev.classNames.has(b))).map((c) => `${c.name}(:`);
  if (subclasses.length === 0) return false;
  // `classUses` is `Name:n` / `Name(:n` entries joined by spaces.
  return prev.units.some((u, i) => !linted.includes(i) && u.classUses !== undefined && subclasses.some((k) => ` ${u.classUses}`.includes(` ${k}`)));
}

/** Most units a class may take along as relatives: past that the edit takes the full lint. */
const MAX_RELATIVES = 64;

type ClassEntry = NonNullable<LintSnapshot['classes']>[number];
interface ClassGraph {
  readonly byName: ReadonlyMap<string, number[]>;
  readonly extenders: ReadonlyMap<string, number[]>;
  readonly byUnit: ReadonlyMap<number, number[]>;
}
/** Per class table (kept across fast-path snapshots, which share it): built once, not on every keystroke. */
const graphs = new WeakMap<readonly ClassEntry[], ClassGraph>();

function classGraph(classes: readonly ClassEntry[]): ClassGraph {
  let g = graphs.get(classes);
  if (g) return g;
  const byName = new Map<string, number[]>();
  const extenders = new Map<string, number[]>();
  const byUnit = new Map<number, number[]>();
  const add = <K>(m: Map<K, number[]>, k: K, v: number): void => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  classes.forEach((c, i) => {
    if (c.name) add(byName, c.name, i);
    for (const b of c.bases) add(extenders, b, i);
    add(byUnit, c.unit, i);
  });
  g = { byName, extenders, byUnit };
  graphs.set(classes, g);
  return g;
}

/**
 * The other top-level units an edit in unit `index` must be re-linted with: those holding classes related by
 * inheritance within the file, transitively, to a class of that unit (at any depth). Inheritance rules judge a class
 * with its relatives — a base's findings depend on its subclasses' bodies and the other way round — so the family is
 * linted together. Undefined when the file's class table is unknown or the family spans more than `MAX_RELATIVES`
 * units.
 */
export function relativesOf(prev: LintSnapshot, index: number): number[] | undefined {
  const classes = prev.classes;
  if (!classes) return undefined;
  const { byName, extenders, byUnit } = classGraph(classes);
  const units = new Set<number>([index]);
  const seen = new Set<number>(byUnit.get(index) ?? []);
  const queue = [...seen];
  const visit = (m: number): void => {
    if (seen.has(m)) return;
    seen.add(m);
    queue.push(m);
  };
  while (queue.length > 0) {
    const c = classes[queue.pop() as number] as { name: string; bases: readonly string[]; unit: number };
    // Its bases, the classes extending it, and (conservatively) other classes of the same name.
    const next = [...c.bases.flatMap((b) => byName.get(b) ?? []), ...(extenders.get(c.name) ?? []), ...(byName.get(c.name) ?? [])];
    for (const n of next) {
      if (seen.has(n)) continue;
      const unit = (classes[n] as { unit: number }).unit;
      if (!units.has(unit)) {
        units.add(unit);
        if (units.size > MAX_RELATIVES + 1) return undefined;
        // Every class of a unit that joins is linted with it: its relatives join too.
        for (const m of byUnit.get(unit) ?? []) visit(m);
      }
      visit(n);
    }
  }
  units.delete(index);
  return [...units].sort((a, b) => a - b);
}

/** The single changed range between two texts: [start, oldEnd) of the old text became [start, newEnd) of the new. */
export function changedRange(oldText: string, newText: string, known?: KnownEdits): { start: number; oldEnd: number; newEnd: number } {
  // The first `prefix` and last `suffix` characters are known equal: the comparison starts past them (the result is
  // the same as comparing from the ends: the longest common prefix, then the longest common suffix that does not
  // overlap it).
  const max = Math.min(oldText.length, newText.length);
  let p = known ? Math.min(known.prefix, max) : 0;
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = known ? Math.min(known.suffix, max - p) : 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  return { start: p, oldEnd: oldText.length - s, newEnd: newText.length - s };
}

/**
 * What the edits since a text was linted can have touched: its first `prefix` and last `suffix` characters are
 * certainly unchanged (the editor's change events say so), so finding the changed range compares only what lies
 * between (a keystroke in a 200 KB file no longer compares the whole file).
 */
export interface KnownEdits {
  readonly prefix: number;
  readonly suffix: number;
}

/** `known` narrowed by one change event on a text of `length` characters (ranges refer to the text before it). */
export function narrowKnownEdits(known: KnownEdits, length: number, changes: readonly TextChange[]): KnownEdits {
  let prefix = known.prefix;
  let suffix = known.suffix;
  for (const c of changes) {
    prefix = Math.min(prefix, c.rangeOffset);
    suffix = Math.min(suffix, length - (c.rangeOffset + c.rangeLength));
  }
  return { prefix: Math.max(0, prefix), suffix: Math.max(0, suffix) };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A plan for the fast path: which unit changed, and how the rest shifts. */
export interface FastPlan {
  readonly index: number;
  /** The unit as it is in the new tree. */
  readonly unit: Unit;
  readonly offsetDelta: number;
  readonly rowDelta: number;
  /** The old unit's last row (findings after it shift by rowDelta). */
  readonly oldEndRow: number;
  /** The function or method body the edit lies in, as it was in the old text. */
  readonly body: { readonly start: number; readonly end: number };
  /** The edit as one range: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new one. */
  readonly change: { readonly start: number; readonly oldEnd: number; readonly newEnd: number };
  /** Indices of the units re-linted with it (`relativesOf`): unchanged, verbatim in the outline. */
  readonly relatives: readonly number[];
}

/** A unit of `prev` as it lies in the new text (moved by the edit when it comes after the edited unit). */
export function movedUnit(prev: LintSnapshot, plan: FastPlan, i: number): { readonly start: number; readonly end: number; readonly startRow: number; readonly endRow: number } {
  const u = prev.units[i] as Unit;
  if (i < plan.index) return u;
  return { start: u.start + plan.offsetDelta, end: u.end + plan.offsetDelta, startRow: u.startRow + plan.rowDelta, endRow: u.endRow + plan.rowDelta };
}

/**
 * The last check of the fast path, made once the unit is in the outline's node model: the unit's outline digest (what
 * other units can observe of its bodies) is unchanged, and the outline holds no syntax error. Returns the unit to keep
 * in the snapshot, digest included, or undefined (counted as `outline-changed` or `syntax-error-elsewhere`).
 */
export function confirmOutline(prev: LintSnapshot, plan: FastPlan, unitNode: OutlineNode, text: string, languageId: LintLanguageId, outlineHasError = false): Unit | undefined {
  // A syntax error the outline keeps (outside the blanked bodies: top-level code, headers, class-level statements):
  // tree-sitter's error recovery after an incremental re-parse can differ from a fresh parse of the same text (the
  // full lint re-parses such a file from scratch), and with it the structure around the unit. Found by the random-edit
  // property test: a `{` typed at column 0 left 14 top-level nodes in the kept outline where a fresh parse has 9.
  // Errors inside other units' bodies are blanked away and do not count.
  if (outlineHasError) return miss('syntax-error-elsewhere');
  const digest = unitDigest(unitNode, languageId);
  const old = prev.units[plan.index];
  if (!old || digest !== old.digest) return miss('outline-changed');
  const unit = { ...plan.unit, ...(digest !== undefined ? { digest } : {}) };
  const decl = languageId === 'python' ? (functionOf(unitNode, true) ?? classOf(unitNode, true)) : null;
  if (!decl) return unit;
  // Class-name uses are compared around the edit only (a big class's text is not re-read on every keystroke); when
  // they are unchanged the unit keeps its counts.
  if (classUsesChanged(prev.text, text, plan.change, { start: decl.startIndex, oldEnd: old.end, newEnd: decl.endIndex }, prev.classNames)) return miss('outline-changed');
  // (Its `global` statements are in the digest, so its globals are unchanged too; its mentions of global names were
  // checked around the edit by the plan.)
  return { ...unit, attributesAssignedOutside: attributesAssignedOutside(decl), ...(old.classUses !== undefined ? { classUses: old.classUses } : {}), ...(old.globals ? { globals: old.globals } : {}), ...(old.globalMentions ? { globalMentions: old.globalMentions } : {}) };
}

/**
 * Decides whether the edit from `prev.text` to the new tree's text can take the fast path; returns the plan or
 * undefined (the reason is counted in `incrementalStats.reasons`).
 */
export function planFastPath(prev: LintSnapshot, tree: SyntaxTree, newText: string, languageId: LintLanguageId, known?: KnownEdits): FastPlan | undefined {
  const python = languageId === 'python';
  const { start, oldEnd, newEnd } = changedRange(prev.text, newText, known);
  if (start === oldEnd && start === newEnd) return miss('no-change');
  // Binary search for the unit holding the change.
  let lo = 0;
  let hi = prev.units.length - 1;
  let index = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = prev.units[mid] as Unit;
    if (u.end < start) lo = mid + 1;
    else if (u.start > start) hi = mid - 1;
    else {
      index = mid;
      break;
    }
  }
  const old = prev.units[index];
  if (!old?.bodies) return miss('not-in-a-function');
  // Strictly inside one body: JS keeps its braces; a Python block may grow at its end (checked on the new tree).
  const hit = old.bodies.find((b) => (python ? start >= b.start && oldEnd <= b.end : start > b.start && oldEnd < b.end));
  if (!hit) return miss('outside-the-body');
  // Classes related by inheritance are judged together: their units are re-linted with this one.
  const relatives = relativesOf(prev, index);
  if (!relatives) return miss('class-family');
  const sharesALine = (i: number): boolean => {
    const u = prev.units[i] as Unit;
    const before = prev.units[i - 1];
    const after = prev.units[i + 1];
    return (!!before && before.endRow >= u.startRow) || (!!after && after.startRow <= u.endRow);
  };
  if (sharesALine(index) || relatives.some(sharesALine)) return miss('shares-a-line');
  if (relatives.some((i) => prev.units[i]?.hasError)) return miss('syntax-error');
  if (python && instantiatedElsewhere(prev, [index, ...relatives])) return miss('instantiated-elsewhere');
  if (python && globalElsewhere(prev, [index, ...relatives], { start, oldEnd, newEnd }, newText)) return miss('global-elsewhere');
  const after = prev.units[index + 1];
  const root = tree.rootNode;
  if (old.hasError) return miss('syntax-error');
  if (root.namedChildCount !== prev.units.length) return miss('units-changed');
  const node = root.namedChild(index);
  const offsetDelta = newEnd - oldEnd;
  if (!node || node.type !== old.type || node.startIndex !== old.start) return miss('units-changed');
  if (node.hasError) return miss('syntax-error');
  const unit = unitOf(node, python, false);
  if (!sameBodies(old.bodies, unit.bodies ?? [], hit, offsetDelta, newText, python)) return miss('bodies-changed');
  const next = root.namedChild(index + 1);
  if (after && (!next || next.type !== after.type || next.startIndex !== after.start + offsetDelta)) return miss('units-changed');
  if (python && (node.endIndex < start || node.endIndex > newEnd + (old.end - oldEnd))) return miss('units-changed');
  if (!python && node.endIndex !== old.end + offsetDelta) return miss('units-changed');
  const rowDelta = countNewlines(newText, start, newEnd) - countNewlines(prev.text, start, oldEnd);
  if (after && after.startRow + rowDelta <= unit.endRow) return miss('shares-a-line');
  return { index, unit, offsetDelta, rowDelta, oldEndRow: old.endRow, body: hit, change: { start, oldEnd, newEnd }, relatives };
}

/**
 * True when the unit's function or method bodies in the new tree are the old ones, moved: the bodies before the edited
 * one unchanged, those after it moved by `delta`, and the edited one starting where it did and ending where its old
 * end moved to (JS: its braces stay; a Python block may end earlier, where trailing blank space stopped counting, but
 * never later). An edit can otherwise reshape the class around the body with no syntax error — `/*` typed in one
 * method whose comment ends in the next swallows that method — and the kept outline's node model, which is patched
 * body by body, would keep the swallowed method.
 */
function sameBodies(old: ReadonlyArray<{ start: number; end: number }>, now: ReadonlyArray<{ start: number; end: number }>, hit: { start: number; end: number }, delta: number, newText: string, python: boolean): boolean {
  if (old.length !== now.length) return false;
  return old.every((b, i) => {
    const n = now[i] as { start: number; end: number };
    if (b.start < hit.start) return n.start === b.start && n.end === b.end;
    if (b.start > hit.start) return n.start === b.start + delta && n.end === b.end + delta;
    if (n.start !== b.start) return false;
    if (!python) return n.end === b.end + delta;
    // A Python block that now ends earlier must have lost only blank space: a dedent typed inside it (a line indented
    // less than the block) ends it early and hands the statements after it to the enclosing block.
    return n.end <= b.end + delta && newText.slice(n.end, b.end + delta).trim() === '';
  });
}

/**
 * The body ranges to blank in the outline under `node` (a top-level unit, or the root): bodies of function-like nodes
 * reached through declaration containers only, never inside `keep`.
 */
function blanksUnder(node: TsNode, python: boolean, keep: ReadonlyArray<{ start: number; end: number }>, out: Array<[number, number]>): void {
  // Only containers of declarations are entered (the root, classes and their bodies, decorators, exports): a walk into
  // expressions would cost a wasm call per node. Functions nested elsewhere stay verbatim (exact, just not smaller).
  const visit = (n: TsNode, depth: number): void => {
    if (keep.some((k) => n.startIndex >= k.start && n.endIndex <= k.end)) return; // a kept unit: verbatim
    if (FUNCTION_LIKE.has(n.type)) {
      const body = n.childForFieldName('body');
      // A Python body shorter than `...` stays verbatim (blanking keeps every offset).
      if (body && (python ? body.type === 'block' && body.endIndex - body.startIndex >= 3 : body.type === 'statement_block')) out.push([body.startIndex, body.endIndex]);
      return;
    }
    if (depth > 0 && !CONTAINERS.has(n.type)) return;
    for (let i = 0; i < n.namedChildCount; i++) {
      const c = n.namedChild(i);
      if (c) visit(c, depth + 1);
    }
  };
  visit(node, node.parent ? 1 : 0);
}

/** `text[from, to)` with the given body ranges (sorted, inside it) blanked: same length, same line breaks. */
function blankedSlice(text: string, from: number, to: number, blanks: ReadonlyArray<[number, number]>, python: boolean): string {
  const out: string[] = [];
  let at = from;
  for (const [s, e] of blanks) {
    out.push(text.slice(at, s));
    const blanked = text.slice(s, e).replace(/[^\n\r]/g, ' ');
    // A Python body becomes `...`, or `0` when its first line is shorter than that: the placeholder must never cover a
    // line break or run past the body (the outline keeps every offset and line where it is).
    const lineBreak = blanked.search(/[\n\r]/);
    const stub = (lineBreak >= 0 ? lineBreak : blanked.length) < 3 ? '0' : '...';
    out.push(python ? stub + blanked.slice(stub.length) : '{' + blanked.slice(1, -1) + '}');
    at = e;
  }
  out.push(text.slice(at, to));
  return out.join('');
}

/**
 * The outline text for linting unit `keep`: every other function/method body blanked (same length, same line breaks),
 * a Python body replaced by `...`, a JS body by `{ }`.
 */
export function outlineText(tree: SyntaxTree, text: string, keep: { start: number; end: number } | ReadonlyArray<{ start: number; end: number }>, languageId: LintLanguageId): string {
  const blanks: Array<[number, number]> = [];
  blanksUnder(tree.rootNode, languageId === 'python', 'start' in keep ? [keep] : keep, blanks);
  return blanks.length === 0 ? text : blankedSlice(text, 0, text.length, blanks, languageId === 'python');
}

/** 0-based row and column of `offset` in `text`, counting lines from a known `(at, row)` before it. */
function pointFrom(text: string, at: number, row: number, offset: number): { line: number; character: number } {
  const line = row + countNewlines(text, at, offset);
  return { line, character: offset - (text.lastIndexOf('\n', offset - 1) + 1) };
}

/** One change on `before` replacing `[start, end)` (both inside or at the bounds of unit `u`) by `insert`. */
function changeIn(before: string, u: Unit, start: number, end: number, insert: string): TextChange {
  const from = pointFrom(before, u.start, u.startRow, start);
  const to = pointFrom(before, start, from.line, end);
  return { range: { start: from, end: to }, rangeOffset: start, rangeLength: end - start, text: insert };
}

/**
 * How the kept outline (the outline of `prev.text` with unit `keptIndex` verbatim) becomes the outline of `newText`
 * with the plan's unit verbatim, as content changes on the old outline — without rebuilding the outline text: blanking
 * keeps every offset and line, so the outline changes exactly where the text did (the edit, inside the plan's unit),
 * plus, when the kept unit moves, the old kept unit is blanked and the plan's unit restored verbatim.
 */
export function outlineChanges(prev: LintSnapshot, keptIndex: number, plan: FastPlan, tree: SyntaxTree, newText: string, languageId: LintLanguageId): TextChange[] {
  const old = prev.units[plan.index] as Unit;
  if (keptIndex === plan.index) {
    const { start, oldEnd, newEnd } = plan.change;
    return [changeIn(prev.text, old, start, oldEnd, newText.slice(start, newEnd))];
  }
  const changes = [changeIn(prev.text, old, old.start, old.end, newText.slice(plan.unit.start, plan.unit.end))];
  const kept = prev.units[keptIndex];
  const node = tree.rootNode.namedChild(keptIndex);
  if (kept && node) {
    // The old kept unit is unchanged (only the plan's unit changed); in the new text it sits shifted when after it.
    const shift = keptIndex > plan.index ? plan.offsetDelta : 0;
    const blanks: Array<[number, number]> = [];
    blanksUnder(node, languageId === 'python', [], blanks);
    const blanked = blankedSlice(newText, kept.start + shift, kept.end + shift, blanks, languageId === 'python');
    changes.push(changeIn(prev.text, kept, kept.start, kept.end, blanked));
  }
  return changes;
}

/**
 * The previous findings with those of the re-linted units (the changed one and its relatives) replaced by `fresh`, and
 * later ones moved by the row delta. In the engine's order (line, column, rule id; ties keep their order: two findings
 * of one rule at one place come from the same unit, so from the same list).
 */
export function mergeFindings(snapshot: LintSnapshot, plan: FastPlan, fresh: readonly Finding[]): Finding[] {
  const first = plan.unit.startRow;
  const oldRows: Array<[number, number]> = [[first, plan.oldEndRow]];
  const newRows: Array<[number, number]> = [[first, plan.unit.endRow]];
  for (const r of plan.relatives) {
    const u = snapshot.units[r] as Unit;
    oldRows.push([u.startRow, u.endRow]);
    const m = movedUnit(snapshot, plan, r);
    newRows.push([m.startRow, m.endRow]);
  }
  const within = (rows: ReadonlyArray<[number, number]>, line: number): boolean => rows.some(([a, b]) => line >= a && line <= b);
  const out: Finding[] = [];
  for (const f of snapshot.findings) {
    if (within(oldRows, f.range.start.line)) continue;
    const d = plan.rowDelta;
    if (f.range.start.line > plan.oldEndRow) out.push(d === 0 ? f : { ...f, range: { start: { line: f.range.start.line + d, character: f.range.start.character }, end: { line: f.range.end.line + d, character: f.range.end.character } } });
    else out.push(f.range.end.line > plan.oldEndRow ? { ...f, range: { start: f.range.start, end: { line: f.range.end.line + d, character: f.range.end.character } } } : f);
  }
  for (const f of fresh) if (within(newRows, f.range.start.line)) out.push(f);
  return out.sort(byPosition);
}

/** The engine's order of findings. */
function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** The units after a fast-path re-lint: the changed one replaced, later ones shifted. */
export function shiftUnits(units: readonly Unit[], plan: FastPlan, unit: Unit = plan.unit): Unit[] {
  return units.map((u, i) =>
    i < plan.index ? u : i === plan.index ? unit : { ...u, start: u.start + plan.offsetDelta, end: u.end + plan.offsetDelta, startRow: u.startRow + plan.rowDelta, endRow: u.endRow + plan.rowDelta, ...(u.bodies ? { bodies: u.bodies.map((b) => ({ start: b.start + plan.offsetDelta, end: b.end + plan.offsetDelta })) } : {}) },
  );
}

/**
 * Brings the kept outline's node model — the outline of `prev.text` with unit `keptIndex` verbatim — to the outline
 * `next` of the new text with the plan's unit verbatim, without parsing or mirroring the outline. Typing on in the
 * kept unit, only the edited function or method body is copied from the document's `tree` (verbatim there, at the
 * same offsets; its enclosing nodes take their new ranges from the tree), and the nodes after it move by the edit's
 * length change. When the edit is in another unit, that whole unit is copied from the tree, and the formerly kept unit
 * is parsed alone in its blanked form (a top-level declaration parses the same alone as in the file: checked here by
 * type and start) and copied in. Returns false, leaving the mirror untouched, when the outline's nodes do not line up
 * with the units (the caller then builds the outline afresh). Exactness (the result equals a fresh mirror of a parse
 * of `next`, node for node) is tested on real files in test/unit/lint/worker/incrementalLint.test.ts.
 */
export function spliceOutline(mirror: SyntaxMirror, grammar: LoadedGrammar, tree: SyntaxTree, next: string, prev: LintSnapshot, keptIndex: number, plan: FastPlan): boolean {
  const linesUp = (i: number): boolean => {
    const u = prev.units[i];
    const n = mirror.root.named[i];
    return !!u && !!n && n.startIndex === u.start && n.type === u.type;
  };
  if (mirror.root.named.length !== prev.units.length || !linesUp(plan.index) || !linesUp(keptIndex)) return false;
  const unitNode = tree.rootNode.namedChild(plan.index);
  if (!unitNode) return false;
  if (keptIndex === plan.index) {
    const body = spliceableBody(mirror, tree, unitNode, plan);
    if (!body) return false;
    mirror.splice(body.old, tree, body.node, 0, plan.offsetDelta, body.ancestors);
    // The outline changed exactly where the text did.
    mirror.setText(next, plan.change);
    return true;
  }
  const kept = prev.units[keptIndex] as Unit;
  const blankedAt = kept.start + (keptIndex > plan.index ? plan.offsetDelta : 0);
  const blanked = next.slice(blankedAt, blankedAt + kept.end - kept.start);
  const alone = grammar.parser.parse(blanked + '\n');
  try {
    const top = alone?.rootNode.namedChild(0);
    // (A blanked Python unit ends at its `...`: the rest of its old range is blank.)
    if (!alone || !top || alone.rootNode.namedChildCount !== 1 || top.type !== kept.type || top.startIndex !== 0 || top.endIndex > blanked.length || top.hasError) return false;
    mirror.splice(mirror.root.named[plan.index] as MirrorNode, tree, unitNode, 0, plan.offsetDelta);
    mirror.splice(mirror.root.named[keptIndex] as MirrorNode, alone, top, blankedAt, 0);
  } finally {
    alone?.delete();
  }
  // Blanking keeps every line break where it was, so swapping which unit is verbatim moves no line start: only the
  // edit itself does (the line index is patched there, not recomputed over the whole outline).
  mirror.setText(next, plan.change);
  return true;
}

/**
 * The edited body in the kept outline's mirror (old offsets), the same body in the new tree, and the new ranges of the
 * tree's enclosing nodes up to the unit (innermost first), or undefined when they do not line up.
 */
function spliceableBody(mirror: SyntaxMirror, tree: SyntaxTree, unitNode: TsNode, plan: FastPlan): { old: MirrorNode; node: TsNode; ancestors: Array<{ start: number; end: number }> } | undefined {
  const top = mirror.root.named[plan.index] as MirrorNode;
  let old: MirrorNode | null = mirror.nodeAt(plan.body.start);
  while (old && old !== top && !(old.startIndex === plan.body.start && old.endIndex === plan.body.end && old.field === 'body')) old = old.parent;
  if (!old || old === top) return undefined;
  const python = unitNode.type === 'decorated_definition' || unitNode.type === PY_FUNCTION || unitNode.type === PY_CLASS;
  const fn = functionOf(unitNode, python);
  const cls = fn ? null : classOf(unitNode, python);
  const node = fn ? fn.childForFieldName('body') : cls ? (methodBodyNodes(cls, python).find((b) => b.startIndex === plan.body.start) ?? null) : null;
  if (!node || node.startIndex !== plan.body.start || node.type !== old.type) return undefined;
  // The enclosing nodes, innermost first, in both: the same types all the way up to the unit.
  const ancestors: Array<{ start: number; end: number }> = [];
  let a: MirrorNode | null = old.parent;
  let t: TsNode | null = node.parent;
  for (; a && a !== mirror.root; a = a.parent, t = t?.parent ?? null) {
    if (!t || t.type !== a.type) return undefined;
    ancestors.push({ start: t.startIndex, end: t.endIndex });
  }
  return ancestors.length > 0 && t?.type === tree.rootNode.type ? { old, node, ancestors } : undefined;
}
