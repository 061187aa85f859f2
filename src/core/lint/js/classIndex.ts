/**
 * The cross-file class index for JavaScript/TypeScript: which members the ancestors of a class declare when the
 * parent lives in another file of the same lint run.
 *
 * From one file, a public method of `class Spec extends Base` (Base imported) cannot be told from an override of
 * Base's, so the file-local rules leave it alone. A whole-project run (the CLI, the differential harness) first takes
 * a small SUMMARY of every file — its classes with their `extends` text and member names, its imports (ES `import`
 * and CommonJS `require`) and its exports (ES `export`, `module.exports`, `exports.X`, re-exports) — then builds a
 * `ClassIndex` over them and asks, per class, "does any ancestor declare member M?". Only relative specifiers
 * (`./x`, `../y`) are followed, with the extension and `index` rules Node and TypeScript use; an ancestor from a
 * package, a global (`Error`) or an expression the summary cannot follow makes the answer `unknown`, and the rule
 * behaves as it does without the index. Lineages are capped at `MAX_LINEAGE` and cycles stop the walk.
 *
 * Pure: summaries are plain JSON (they cross worker boundaries), paths are strings with `/` separators.
 */
import type { CrossFileClasses, Finding, RuleContext } from '../rule.js';
import type { SyntaxNode } from '../syntaxMirror.js';
import { CLASS_NODE_TYPES, MAX_LINEAGE, classTable } from './classes.js';
import { JS_LANGUAGES, kids } from './jsNodes.js';

/** One class of a file: its name, its `extends` text (without type arguments) and its instance member names. */
export interface SummaryClass {
  readonly name: string;
  readonly extendsName: string;
  readonly members: readonly string[];
}

/** An imported binding: the specifier and the name taken from it (`default`, a name, or `*` for the whole module). */
export interface ImportBinding {
  readonly source: string;
  readonly imported: string;
}

export interface ReExport {
  readonly source: string;
  /** The name taken from `source` (`*` for `export * from`). */
  readonly imported: string;
  /** The name exported here (`*` for `export * from`). */
  readonly exported: string;
}

/** What the index needs to know about one file (plain JSON). */
export interface FileClassSummary {
  readonly classes: readonly SummaryClass[];
  /** Local name → binding. */
  readonly imports: Readonly<Record<string, ImportBinding>>;
  /** Exported name (`default` also for `module.exports = X`) → local name. */
  readonly exports: Readonly<Record<string, string>>;
  readonly reexports: readonly ReExport[];
}

/** The rule the index informs (the CLI re-lints with it alone once the index is known). */
export const CLASS_INDEX_RULES: readonly string[] = ['oop.method-not-using-self'];

/** Name given to an anonymous class expression exported whole (`module.exports = class { … }`). */
const ANONYMOUS = '<anonymous class>';

function unquote(node: SyntaxNode | null): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  return node.text.slice(1, -1);
}

/** `require('x')` → 'x'. */
function requireSource(node: SyntaxNode | null): string | undefined {
  if (!node || node.type !== 'call_expression') return undefined;
  const fn = node.childForFieldName('function');
  if (!fn || fn.type !== 'identifier' || fn.text !== 'require') return undefined;
  const args = node.childForFieldName('arguments');
  const first = args ? kids(args)[0] : undefined;
  return first ? unquote(first) : undefined;
}

/** `module.exports` → '', `module.exports.X` / `exports.X` → 'X'; anything else → undefined. */
function exportTarget(left: SyntaxNode): string | undefined {
  if (left.type !== 'member_expression') return undefined;
  const obj = left.childForFieldName('object');
  const prop = left.childForFieldName('property');
  if (!obj || !prop) return undefined;
  if (obj.type === 'identifier' && obj.text === 'module' && prop.text === 'exports') return '';
  if (obj.type === 'identifier' && obj.text === 'exports') return prop.text;
  if (obj.type === 'member_expression' && exportTarget(obj) === '') return prop.text;
  return undefined;
}

function isClassNode(node: SyntaxNode): boolean {
  return CLASS_NODE_TYPES.includes(node.type);
}

/**
 * The summary of a JS/TS file from the lint's own node model and class table (built once, shared with the rules).
 * Only module-level statements are read for imports and exports.
 */
export function summarizeClasses(ctx: RuleContext): FileClassSummary {
  const table = classTable(ctx);
  const classes: SummaryClass[] = [];
  const nameOf = new Map<SyntaxNode, string>();
  for (const c of table.classes) {
    const name = c.name || ANONYMOUS;
    nameOf.set(c.node, name);
    const members = new Set<string>();
    for (const m of c.members) if (!m.isStatic && m.kind !== 'constructor' && m.name) members.add(m.name);
    classes.push({ name, extendsName: c.extendsNode ? c.extendsName : '', members: [...members] });
  }
  const imports: Record<string, ImportBinding> = {};
  const exports: Record<string, string> = {};
  const reexports: ReExport[] = [];
  const exportValue = (exported: string, value: SyntaxNode | null): void => {
    if (!value) return;
    if (value.type === 'identifier') exports[exported] = value.text;
    else if (isClassNode(value)) exports[exported] = nameOf.get(value) ?? ANONYMOUS;
    else if (value.type === 'object' && exported === 'default') {
      // module.exports = { A, B: C }
      for (const p of kids(value)) {
        if (p.type === 'shorthand_property_identifier') exports[p.text] = p.text;
        else if (p.type === 'pair') {
          const k = p.childForFieldName('key');
          const v = p.childForFieldName('value');
          if (k && v && v.type === 'identifier') exports[k.type === 'string' ? k.text.slice(1, -1) : k.text] = v.text;
        }
      }
    }
  };
  for (const stmt of kids(ctx.root)) {
    if (stmt.type === 'import_statement') {
      const source = unquote(stmt.childForFieldName('source'));
      const clause = kids(stmt).find((k) => k.type === 'import_clause');
      if (source === undefined || !clause) continue;
      for (const part of kids(clause)) {
        if (part.type === 'identifier') imports[part.text] = { source, imported: 'default' };
        else if (part.type === 'namespace_import') {
          const id = kids(part).find((k) => k.type === 'identifier');
          if (id) imports[id.text] = { source, imported: '*' };
        } else if (part.type === 'named_imports') {
          for (const spec of kids(part)) {
            if (spec.type !== 'import_specifier') continue;
            const name = spec.childForFieldName('name');
            const alias = spec.childForFieldName('alias') ?? name;
            if (name && alias) imports[alias.text] = { source, imported: name.type === 'string' ? name.text.slice(1, -1) : name.text };
          }
        }
      }
    } else if (stmt.type === 'lexical_declaration' || stmt.type === 'variable_declaration') {
      for (const decl of kids(stmt)) {
        if (decl.type !== 'variable_declarator') continue;
        const name = decl.childForFieldName('name');
        const value = decl.childForFieldName('value');
        if (!name || !value) continue;
        const whole = requireSource(value);
        if (whole !== undefined) {
          if (name.type === 'identifier') imports[name.text] = { source: whole, imported: '*' };
          else if (name.type === 'object_pattern') {
            for (const p of kids(name)) {
              if (p.type === 'shorthand_property_identifier_pattern') imports[p.text] = { source: whole, imported: p.text };
              else if (p.type === 'pair_pattern') {
                const k = p.childForFieldName('key');
                const v = p.childForFieldName('value');
                if (k && v && v.type === 'identifier') imports[v.text] = { source: whole, imported: k.text };
              }
            }
          }
          continue;
        }
        // const Base = require('./base').Base
        if (value.type === 'member_expression' && name.type === 'identifier') {
          const src = requireSource(value.childForFieldName('object'));
          const prop = value.childForFieldName('property');
          if (src !== undefined && prop) imports[name.text] = { source: src, imported: prop.text };
        }
      }
    } else if (stmt.type === 'export_statement') {
      const source = unquote(stmt.childForFieldName('source'));
      const declaration = stmt.childForFieldName('declaration');
      const isDefault = stmt.children.some((k) => !k.isNamed && k.type === 'default');
      const clause = kids(stmt).find((k) => k.type === 'export_clause');
      if (declaration) {
        if (isClassNode(declaration)) exports[isDefault ? 'default' : (nameOf.get(declaration) ?? ANONYMOUS)] = nameOf.get(declaration) ?? ANONYMOUS;
        else if (declaration.type === 'lexical_declaration' || declaration.type === 'variable_declaration') {
          for (const d of kids(declaration)) {
            const n = d.childForFieldName('name');
            if (n && n.type === 'identifier') exports[n.text] = n.text;
          }
        }
      } else if (clause) {
        for (const spec of kids(clause)) {
          if (spec.type !== 'export_specifier') continue;
          const name = spec.childForFieldName('name');
          const alias = spec.childForFieldName('alias') ?? name;
          if (!name || !alias) continue;
          if (source !== undefined) reexports.push({ source, imported: name.text, exported: alias.text });
          else exports[alias.text] = name.text;
        }
      } else if (source !== undefined) {
        // export * from './x'  /  export * as ns from './x'
        const ns = kids(stmt).find((k) => k.type === 'namespace_export');
        if (!ns) reexports.push({ source, imported: '*', exported: '*' });
      } else if (isDefault) {
        exportValue('default', stmt.childForFieldName('value') ?? kids(stmt).at(-1) ?? null);
      }
    } else if (stmt.type === 'expression_statement') {
      const expr = kids(stmt)[0];
      if (!expr || expr.type !== 'assignment_expression') continue;
      const left = expr.childForFieldName('left');
      const target = left ? exportTarget(left) : undefined;
      if (target === undefined) continue;
      exportValue(target === '' ? 'default' : target, expr.childForFieldName('right'));
    }
  }
  return { classes, imports, exports, reexports };
}

/** True when a summary holds anything the index can use (classes, or exports another file could follow). */
export function summaryMatters(s: FileClassSummary): boolean {
  return s.classes.length > 0 || s.reexports.length > 0 || Object.keys(s.exports).length > 0;
}

/** True for the languages the index covers. */
export function indexesLanguage(languageId: string): boolean {
  return (JS_LANGUAGES as readonly string[]).includes(languageId);
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts'];
const JS_TO_TS: Readonly<Record<string, readonly string[]>> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** `a/b/../c/./d` → `a/c/d` (keeps a leading `/`). */
export function normalizePath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(part);
  }
  return (abs ? '/' : '') + out.join('/');
}

/** Files of the run as the index keys them: `\` separators become `/`. */
export function indexKey(file: string): string {
  return normalizePath(file.replace(/\\/g, '/'));
}

/**
 * The files a relative specifier written in `from` may name, in the order Node and TypeScript try them (the path as
 * written, `.js` written for a `.ts` source, the extensions, then `index` files); none for a package specifier.
 */
export function moduleCandidates(from: string, specifier: string): string[] {
  if (!(specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../'))) return [];
  const key = indexKey(from);
  const dir = key.slice(0, key.lastIndexOf('/'));
  const base = normalizePath(`${dir}/${specifier}`);
  const candidates = [base];
  const ext = /\.[cm]?jsx?$/.exec(base)?.[0];
  if (ext) for (const t of JS_TO_TS[ext] ?? []) candidates.push(base.slice(0, -ext.length) + t);
  for (const e of EXTENSIONS) candidates.push(base + e);
  for (const e of EXTENSIONS) candidates.push(`${base}/index${e}`);
  return candidates;
}

/** The specifiers a file's out-of-file class parents come from (and its re-exports): where a run should look next. */
export function lineageSources(s: FileClassSummary): string[] {
  const out = new Set<string>();
  for (const c of s.classes) {
    const head = /^([\w$]+)/.exec(c.extendsName)?.[1];
    if (!head || s.classes.some((p) => p.name === c.extendsName)) continue;
    const b = Object.hasOwn(s.imports, head) ? s.imports[head] : undefined;
    if (b) out.add(b.source);
  }
  for (const r of s.reexports) out.add(r.source);
  for (const local of Object.values(s.exports)) {
    const b = Object.hasOwn(s.imports, local) ? s.imports[local] : undefined;
    if (b) out.add(b.source);
  }
  return [...out];
}

type Resolved = { readonly file: string; readonly name: string };
export type AncestryAnswer = 'declared' | 'absent' | 'unknown';

export class ClassIndex implements CrossFileClasses {
  private readonly files = new Map<string, FileClassSummary>();
  /** Per file, its classes by name with their member names as a set (the first of a name wins, as in classes.ts). */
  private readonly classesOf = new Map<string, ReadonlyMap<string, { readonly extendsName: string; readonly members: ReadonlySet<string> }>>();

  constructor(summaries: Iterable<readonly [string, FileClassSummary]>) {
    for (const [file, s] of summaries) {
      const key = indexKey(file);
      this.files.set(key, s);
      const byName = new Map<string, { extendsName: string; members: ReadonlySet<string> }>();
      for (const c of s.classes) if (!byName.has(c.name)) byName.set(c.name, { extendsName: c.extendsName, members: new Set(c.members) });
      this.classesOf.set(key, byName);
    }
  }

  get size(): number {
    return this.files.size;
  }

  /** The indexed file a relative specifier written in `from` names, or undefined (package, or not in the run). */
  resolveModule(from: string, specifier: string): string | undefined {
    return moduleCandidates(from, specifier).find((c) => this.files.has(c));
  }

  /** The class an exported name of `file` stands for, following re-exports and imported re-bindings. */
  private resolveExport(file: string, exported: string, depth: number): Resolved | undefined {
    if (depth > MAX_LINEAGE) return undefined;
    const s = this.files.get(file);
    if (!s) return undefined;
    const local = Object.hasOwn(s.exports, exported) ? s.exports[exported] : undefined;
    if (local !== undefined) return this.resolveName(file, local, depth + 1);
    for (const r of s.reexports) {
      if (r.exported === exported || (r.exported === '*' && exported !== 'default')) {
        const target = this.resolveModule(file, r.source);
        const found = target ? this.resolveExport(target, r.exported === '*' ? exported : r.imported, depth + 1) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  }

  /** The class a name or `ns.Name` expression in `file` refers to: declared there, or imported from a run file. */
  private resolveName(file: string, expr: string, depth: number): Resolved | undefined {
    const m = /^([\w$]+)(?:\.([\w$]+))?$/.exec(expr);
    const s = this.files.get(file);
    if (!m || !s || depth > MAX_LINEAGE) return undefined;
    const [, head, prop] = m as unknown as [string, string, string | undefined];
    if (prop === undefined && this.classesOf.get(file)?.has(head)) return { file, name: head };
    const binding = Object.hasOwn(s.imports, head) ? s.imports[head] : undefined;
    if (!binding) return undefined;
    const target = this.resolveModule(file, binding.source);
    if (!target) return undefined;
    if (prop !== undefined) return binding.imported === '*' ? this.resolveExport(target, prop, depth + 1) : undefined;
    // A whole-module binding used as a class is the module's default (`module.exports = class …`).
    return this.resolveExport(target, binding.imported === '*' ? 'default' : binding.imported, depth + 1);
  }

  /**
   * Whether the class named by `extendsName` in `file`, or any of its ancestors, declares instance member `member`:
   * `declared`, `absent` (the whole lineage is known and none does), or `unknown` (some ancestor is outside the run).
   */
  ancestryDeclares(file: string, extendsName: string, member: string): AncestryAnswer {
    let at = this.resolveName(indexKey(file), extendsName, 0);
    const seen = new Set<string>();
    for (let steps = 0; at && steps < MAX_LINEAGE; steps++) {
      const id = `${at.file}\0${at.name}`;
      if (seen.has(id)) return 'unknown';
      seen.add(id);
      const cls = this.classesOf.get(at.file)?.get(at.name);
      if (!cls) return 'unknown';
      if (cls.members.has(member)) return 'declared';
      if (!cls.extendsName) return 'absent';
      at = this.resolveName(at.file, cls.extendsName, 0);
    }
    return 'unknown';
  }

  /** True when the lineage of some class of `file` with an out-of-file parent is known to its root. */
  improves(file: string): boolean {
    const key = indexKey(file);
    const s = this.files.get(key);
    const byName = this.classesOf.get(key);
    if (!s || !byName) return false;
    for (const c of s.classes) {
      if (!c.extendsName || byName.has(c.extendsName)) continue;
      // A member name no class declares: `absent` means the whole lineage resolved.
      if (this.ancestryDeclares(key, c.extendsName, '\0') === 'absent') return true;
    }
    return false;
  }
}

/** Findings of a file with those of `rules` replaced by `replacement`, in the engine's order. */
export function replaceRuleFindings(findings: readonly Finding[], replacement: readonly Finding[], rules: readonly string[]): Finding[] {
  return [...findings.filter((f) => !rules.includes(f.ruleId)), ...replacement].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
