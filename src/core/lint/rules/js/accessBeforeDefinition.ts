/**
 * oop.access-before-definition for TS/JS: `this.x` read during construction before anything assigned it.
 * - a field initialiser that reads a field declared (and initialised) later in the class body;
 * - a constructor statement reading `this.x` before the constructor's first `this.x = …`, where `x` is a field the
 *   class declares without initialiser (TS) or a member the constructor assigns later (JS).
 * Assignments made by setters and methods the constructor runs count, in order. Not reported: optional (`x?`),
 * definitely-assigned (`x!`) and `declare` fields, parameter properties, methods and
 * accessors, members a parent class may provide (unknown parents), defaulting idioms (`this.x = this.x || {}`),
 * reads inside closures (they run later) and existence checks (`if (!this.x)`).
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, logicalParent, within } from '../../js/jsNodes.js';
import { classTable, type ClassInfo, type ClassTable } from '../../js/classes.js';
import { runsImmediately, thisMemberUses } from '../../js/members.js';

/** True when the read only tests whether the member exists (`!this.x`, `this.x == null`, `typeof this.x`). */
function isExistenceCheck(read: SyntaxNode): boolean {
  const p = logicalParent(read);
  if (!p) return false;
  if (p.type === 'unary_expression') return ['!', 'typeof'].includes(p.child(0)?.type ?? '');
  if (p.type === 'binary_expression') {
    const op = p.childForFieldName('operator')?.type ?? '';
    if (['??', '||', '&&'].includes(op)) return true;
    const other = p.childForFieldName('left')?.startIndex === read.startIndex ? p.childForFieldName('right') : p.childForFieldName('left');
    return ['==', '===', '!=', '!=='].includes(op) && !!other && ['undefined', 'null'].includes(other.text);
  }
  if (p.type === 'if_statement' || p.type === 'parenthesized_expression') return true;
  return false;
}

/** Names something before this class's own initialisation may already have set: in-file ancestors' members. */
function inheritedNames(table: ClassTable, c: ClassInfo): Set<string> {
  const out = new Set<string>();
  for (const a of table.ancestors(c)) {
    for (const m of a.members) out.add(m.name);
    for (const p of a.parameterProperties) out.add(p);
    const ctor = a.members.find((m) => m.kind === 'constructor');
    if (ctor?.body) for (const u of [...ctor.body.text.matchAll(/this\.([\w$]+)\s*=/g)]) out.add(u[1]!);
  }
  return out;
}

export const accessBeforeDefinition: Rule = {
  id: 'oop.access-before-definition',
  languages: JS_LANGUAGES,
  create(ctx: RuleContext) {
    const table = classTable(ctx);
    return {
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = table.classOfNode(node);
        if (!c) return;
        const external = table.hasExternalAncestor(c);
        const inherited = inheritedNames(table, c);
        const callable = new Set(c.members.filter((m) => m.kind !== 'field' || (m.value && /^(arrow_function|function_expression)$/.test(m.value.type))).map((m) => m.name));
        const fields = c.members.filter((m) => m.kind === 'field' && !m.isStatic);
        // 1. field initialisers reading later fields
        fields.forEach((f, i) => {
          if (!f.value) return;
          const later = new Map(fields.slice(i + 1).filter((g) => g.value && !callable.has(g.name)).map((g) => [g.name, g]));
          for (const u of thisMemberUses(ctx, f.value)) {
            if (u.write || !later.has(u.name) || inherited.has(u.name) || !runsImmediately(u.node, f.value)) continue;
            ctx.report(u.node, `\`this.${u.name}\` is read by the initialiser of \`${f.name}\` before \`${u.name}\` (declared below) is initialised`, `Declare \`${u.name}\` above \`${f.name}\`, or compute \`${f.name}\` in the constructor.`);
            break;
          }
        });
        // 2. constructor reads before the first assignment
        const ctor = c.members.find((m) => m.kind === 'constructor');
        if (!ctor?.body) return;
        const uses = thisMemberUses(ctx, ctor.body).filter((u) => runsImmediately(u.node, ctor.body!));
        const initialised = new Set<string>([...fields.filter((f) => f.value || f.isOptional).map((f) => f.name), ...c.parameterProperties, ...fields.filter((f) => f.isOptional).map((f) => f.name)]);
        const declaredNoInit = new Set(fields.filter((f) => !f.value && !f.isOptional).map((f) => f.name));
        const assignedLater = new Set(uses.filter((u) => u.write).map((u) => u.name));
        const assigned = new Set<string>();
        const reported = new Set<string>();
        // What a setter or method run from the constructor assigns (transitively): `this.x = v` through `set x(v)`.
        const assignsVia = (memberName: string, kind: 'set' | 'method', seen = new Set<string>()): string[] => {
          if (seen.has(memberName)) return [];
          seen.add(memberName);
          const m = c.members.find((x) => x.name === memberName && x.kind === kind && !x.isStatic);
          if (!m?.body) return [];
          const out: string[] = [];
          for (const v of thisMemberUses(ctx, m.body)) {
            if (v.write) out.push(v.name, ...assignsVia(v.name, 'set', seen));
            else if (v.node.parent?.type === 'call_expression') out.push(...assignsVia(v.name, 'method', seen));
          }
          return out;
        };
        for (const u of uses) {
          if (u.write) {
            // The right-hand side is evaluated first; reads inside it were already visited (document order).
            assigned.add(u.name);
            for (const n of assignsVia(u.name, 'set')) assigned.add(n);
            continue;
          }
          if (u.node.parent?.type === 'call_expression') for (const n of assignsVia(u.name, 'method')) assigned.add(n);
          const name = u.name;
          if (assigned.has(name) || initialised.has(name) || callable.has(name) || inherited.has(name) || reported.has(name)) continue;
          if (!declaredNoInit.has(name) && !assignedLater.has(name)) continue;
          if (external && !declaredNoInit.has(name)) continue;
          if (isExistenceCheck(u.node)) continue;
          // `this.x = this.x || default` — defaulting a value a mixin/prototype may have set.
          const asg = uses.find((w) => w.write && w.name === name && w.assignment && within(w.assignment, u.node));
          if (asg) continue;
          reported.add(name);
          ctx.report(u.node, `\`this.${name}\` is read in the constructor of \`${c.name || 'this class'}\` before it is assigned`, `Assign \`this.${name}\` before reading it (or give the field an initialiser).`);
        }
      },
    };
  },
};
