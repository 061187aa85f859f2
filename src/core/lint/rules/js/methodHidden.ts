/**
 * oop.method-hidden for TS/JS: an instance attribute with the same name as a method of the class shadows it on every
 * instance — a class field `x = …` next to a method `x()`, or `this.x = …` in the class's own code. Binding or
 * wrapping the method (`this.x = this.x.bind(this)`, or any assignment in a member that also reads `this.x`) keeps
 * it callable and is not reported. A getter/setter sharing a method's name replaces the method too.
 */
import type { Rule } from '../../rule.js';
import { JS_LANGUAGES } from '../../js/jsNodes.js';
import { classTable } from '../../js/classes.js';
import { thisMemberUses } from '../../js/members.js';

export const methodHidden: Rule = {
  id: 'oop.method-hidden',
  languages: JS_LANGUAGES,
  create(ctx) {
    return {
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = classTable(ctx).classOfNode(node);
        if (!c) return;
        const methods = c.members.filter((m) => m.kind === 'method' && !m.isStatic);
        if (methods.length === 0) return;
        const fields = new Set(c.members.filter((m) => (m.kind === 'field' || m.kind === 'get' || m.kind === 'set') && !m.isStatic).map((m) => m.name));
        const accessors = new Set(c.members.filter((m) => (m.kind === 'get' || m.kind === 'set') && !m.isStatic).map((m) => m.name));
        const assigned = new Map<string, string>();
        for (const m of c.members) {
          if (m.isStatic || !m.body) continue;
          const uses = thisMemberUses(ctx, m.body);
          for (const u of uses) {
            if (!u.write || assigned.has(u.name)) continue;
            // Reading the method in the same member (bind, wrap, save-and-replace) keeps it reachable on purpose.
            if (uses.some((r) => !r.write && r.name === u.name)) continue;
            assigned.set(u.name, m.kind === 'constructor' ? 'the constructor' : `\`${m.name}()\``);
          }
        }
        for (const m of methods) {
          const where = accessors.has(m.name) ? 'an accessor of the same name' : fields.has(m.name) ? 'a class field of the same name' : assigned.has(m.name) ? `\`this.${m.name} = …\` in ${assigned.get(m.name)}` : null;
          if (!where) continue;
          ctx.report(m.node, `The method \`${m.name}\` of \`${c.name || 'this class'}\` is shadowed by ${where}: instances never see the method`, `Rename the attribute or the method so they no longer collide.`);
        }
      },
    };
  },
};
