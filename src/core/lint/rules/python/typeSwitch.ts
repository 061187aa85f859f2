/**
 * oop.type-switch (Python): an `if`/`elif` chain (or `match`) with 3+ branches that pick behaviour by the class of
 * one subject — `isinstance(x, C)`, `type(x) is C` / `==`, class patterns `case C():` — or by a type tag
 * (`x.kind == "circle"`, attribute named kind/type/tag). Classes must belong to one hierarchy: all defined in this
 * file under a common in-file ancestor, or all from the same imported module. Dispatch over builtins (`int`, `str`,
 * `list`, …) and exceptions is idiomatic (serialisation, error mapping) and not reported. Reported at the first check.
 */
import type { Rule, RuleContext } from '../../rule.js';
import { namedChildren, unparenthesize } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { callParts, isBuiltinCall, operatorText } from '../../python/pyNodes.js';
import { pythonClasses, type PyClass, type PyClassTable } from '../../python/classes.js';

const BUILTIN_TYPES = /^(int|float|complex|str|bytes|bytearray|bool|list|dict|tuple|set|frozenset|type|object|NoneType|type\(None\)|Decimal|Fraction|datetime(\.\w+)?|date|time|timedelta|Path|PurePath|Mapping|Sequence|Iterable|Collection|MutableMapping|MutableSequence|Callable|Number|Integral|Real|memoryview|range|slice|np\.\w+|numpy\.\w+|pd\.\w+|collections\.abc\.\w+|abc\.\w+|typing\.\w+|numbers\.\w+)$/;
const TAG_ATTRS = /^(kind|type|tag|type_|_type|node_type|shape_type|variant|klass)$/;

interface Test {
  subject: string;
  classes: MirrorNode[];
  tag: boolean;
}

function typeTest(ctx: RuleContext, table: PyClassTable, cond: MirrorNode): Test | undefined {
  const c = unparenthesize(cond);
  if (c.type === 'call' && isBuiltinCall(ctx, table.sem, c, 'isinstance')) {
    const parts = callParts(ctx, c);
    const [subject, cls] = parts?.args ?? [];
    if (!subject || !cls) return undefined;
    const u = unparenthesize(cls);
    const classes = u.type === 'tuple' ? namedChildren(u) : [u];
    if (!classes.every((k) => k.type === 'identifier' || k.type === 'attribute')) return undefined;
    return { subject: ctx.textOf(subject), classes, tag: false };
  }
  if (c.type === 'comparison_operator') {
    const ops = namedChildren(c);
    const op = operatorText(ctx, c);
    if (ops.length !== 2 || (op !== '==' && op !== 'is')) return undefined;
    const [l, r] = ops as [MirrorNode, MirrorNode];
    if (l.type === 'call' && isBuiltinCall(ctx, table.sem, l, 'type') && (r.type === 'identifier' || r.type === 'attribute')) {
      const subject = callParts(ctx, l)?.args[0];
      return subject ? { subject: ctx.textOf(subject), classes: [r], tag: false } : undefined;
    }
    if (l.type === 'attribute' && (r.type === 'string' || r.type === 'attribute') && op === '==') {
      const attr = l.childForFieldName('attribute');
      const obj = l.childForFieldName('object');
      if (attr && obj && TAG_ATTRS.test(ctx.textOf(attr))) return { subject: ctx.textOf(l), classes: [], tag: true };
    }
  }
  return undefined;
}

export const pyTypeSwitch: Rule = {
  id: 'oop.type-switch',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      if_statement(ifs) {
        const conds: MirrorNode[] = [];
        const first = ifs.childForFieldName('condition');
        if (!first) return;
        conds.push(first);
        for (const c of namedChildren(ifs)) {
          if (c.type !== 'elif_clause') continue;
          const cond = c.childForFieldName('condition');
          if (cond) conds.push(cond);
        }
        if (conds.length < 3) return;
        const tests = conds.map((c) => typeTest(ctx, table, c)).filter((t): t is Test => !!t);
        const bySubject = new Map<string, Test[]>();
        for (const t of tests) {
          const key = `${t.tag ? 'tag' : 'cls'}:${t.subject}`;
          let list = bySubject.get(key);
          if (!list) bySubject.set(key, (list = []));
          list.push(t);
        }
        for (const group of bySubject.values()) {
          if (group.length < 3) continue;
          const t0 = group[0] as Test;
          if (!t0.tag && !oneHierarchy(group.flatMap((t) => t.classes))) continue;
          const firstCond = conds.find((c) => typeTest(ctx, table, c)?.subject === t0.subject) ?? first;
          ctx.report(firstCond, t0.tag ? `${group.length} branches switch on the type tag \`${t0.subject}\`` : `${group.length} branches switch on the class of \`${t0.subject}\``, 'Move the per-type behaviour into a method each class overrides, and call it polymorphically.');
          break;
        }
      },
      match_statement(match) {
        const subject = match.childForFieldName('subject');
        const body = match.childForFieldName('body');
        if (!subject || !body) return;
        const classes: MirrorNode[] = [];
        let firstCase: MirrorNode | undefined;
        for (const clause of namedChildren(body)) {
          if (clause.type !== 'case_clause') continue;
          const pattern = namedChildren(clause).find((c) => c.type === 'case_pattern');
          const cp = pattern ? namedChildren(pattern)[0] : undefined;
          if (cp?.type !== 'class_pattern') continue;
          const name = namedChildren(cp).find((c) => c.type === 'dotted_name');
          if (!name) continue;
          firstCase ??= clause;
          classes.push(name);
        }
        if (classes.length < 3 || !firstCase || !oneHierarchy(classes)) return;
        ctx.report(subject, `${classes.length} cases switch on the class of \`${ctx.textOf(subject)}\``, 'Move the per-type behaviour into a method each class overrides, and call it polymorphically.');
      },
    };
    function oneHierarchy(classNodes: MirrorNode[]): boolean {
      const names = classNodes.map((n) => ctx.textOf(n).replace(/\s+/g, ''));
      if (names.some((n) => BUILTIN_TYPES.test(n) || /(Error|Exception|Warning)$/.test(n))) return false;
      if (new Set(names).size < 3) return false;
      const inFile: PyClass[] = [];
      for (const node of classNodes) {
        const name = ctx.textOf(node);
        if (!/^[A-Za-z_]\w*$/.test(name)) continue;
        const binds = table.sem.bindingsOf(name, node.startIndex);
        const site = binds.length === 1 && binds[0]?.kind === 'class' ? binds[0].site : undefined;
        const cls = site ? table.classOfNode(site) : undefined;
        if (cls) inFile.push(cls);
      }
      if (inFile.length === classNodes.length) {
        // A common in-file ancestor (or one of them is the ancestor of all others).
        const lines = inFile.map((c) => new Set([c, ...table.ancestorsOf(c).inFile]));
        const common = [...(lines[0] as Set<PyClass>)].filter((c) => lines.every((l) => l.has(c)));
        return common.length > 0;
      }
      if (inFile.length > 0) return false;
      // All imported from one module: same qualifier (`ast.Name`, `ast.Call`) or the same `from m import …`.
      const qualifiers = new Set(names.map((n) => (n.includes('.') ? n.slice(0, n.lastIndexOf('.')) : '')));
      if (qualifiers.size === 1 && !qualifiers.has('')) return true;
      if (qualifiers.size !== 1) return false;
      const modules = new Set<string>();
      for (const node of classNodes) {
        const binds = table.sem.bindingsOf(ctx.textOf(node), node.startIndex);
        if (binds.length !== 1 || binds[0]?.kind !== 'import') return false;
        const site = binds[0].site;
        modules.add(site.type === 'import_from_statement' ? ctx.textOf(site.childForFieldName('module_name') ?? site) : `#${site.id}`);
      }
      return modules.size === 1;
    }
  },
};
