/**
 * oop.attribute-outside-init for TS/JS: an instance attribute first created by `this.x = …` in a method rather than
 * declared as a field or assigned in the constructor, so the object's shape depends on which methods ran.
 * Not reported: names declared as fields (any form) or parameter properties, assigned anywhere in the constructor
 * or in a method the constructor calls,
 * provided by accessors/methods, declared or assigned by an in-file ancestor, or possibly provided by a parent
 * outside the file; static methods (they assign the class); classes with an index signature. One finding per name,
 * at its first assignment.
 */
import type { Rule, RuleContext } from '../../rule.js';
import { JS_LANGUAGES } from '../../js/jsNodes.js';
import { classTable, type ClassInfo } from '../../js/classes.js';
import { thisMemberUses } from '../../js/members.js';

/**
 * Names that exist once construction is over: members, parameter properties, and `this.x = …` in the constructor or
 * in methods the constructor calls (`this.init()`, transitively) — helper initialisers are part of construction.
 */
function knownNames(ctx: RuleContext, c: ClassInfo): Set<string> {
  const names = new Set<string>();
  for (const m of c.members) if (!m.isStatic) names.add(m.name);
  for (const p of c.parameterProperties) names.add(p);
  const ctor = c.members.find((m) => m.kind === 'constructor');
  const pending = ctor?.body ? [ctor.body] : [];
  const visited = new Set<string>();
  while (pending.length > 0) {
    const body = pending.pop()!;
    for (const u of thisMemberUses(ctx, body)) {
      if (u.write) {
        names.add(u.name);
        continue;
      }
      // `this.m(…)` calling a method of this class: its assignments run during construction too.
      if (u.node.parent?.type !== 'call_expression' || visited.has(u.name)) continue;
      const m = c.members.find((x) => x.name === u.name && x.kind === 'method' && !x.isStatic);
      if (m?.body) {
        visited.add(u.name);
        pending.push(m.body);
      }
    }
  }
  return names;
}

export const attributeOutsideInit: Rule = {
  id: 'oop.attribute-outside-init',
  languages: JS_LANGUAGES,
  create(ctx) {
    const table = classTable(ctx);
    // Each class's names once: a chain of subclasses asks for the same ancestors again and again.
    const knownCache = new Map<ClassInfo, Set<string>>();
    const knownOf = (c: ClassInfo): Set<string> => {
      let names = knownCache.get(c);
      if (!names) knownCache.set(c, (names = knownNames(ctx, c)));
      return names;
    };
    return {
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = table.classOfNode(node);
        if (!c) return;
        if (table.hasExternalAncestor(c)) return;
        if (c.body.namedChildren.some((m) => m?.type === 'index_signature')) return;
        // The names the class and its ancestors declare, gathered only once a method writes a `this` member.
        let known: Set<string> | undefined;
        const knownHere = (): Set<string> => {
          if (!known) {
            known = new Set(knownOf(c));
            for (const a of table.ancestors(c)) for (const n of knownOf(a)) known.add(n);
          }
          return known;
        };
        const reported = new Set<string>();
        for (const m of c.members) {
          if (m.isStatic || m.kind === 'constructor' || !m.body) continue;
          for (const u of thisMemberUses(ctx, m.body)) {
            if (!u.write || knownHere().has(u.name) || reported.has(u.name)) continue;
            reported.add(u.name);
            ctx.report(u.assignment ?? u.node, `\`this.${u.name}\` is first created in \`${m.name}()\`, not in the constructor of \`${c.name || 'this class'}\``, `Declare \`${u.name}\` as a field (or assign it in the constructor) so every instance has it from the start.`);
          }
        }
      },
    };
  },
};
