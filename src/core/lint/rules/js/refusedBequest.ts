/**
 * oop.refused-bequest for TS/JS: an override whose whole body is a `throw` ("not supported"), for a method the
 * parent really implements — an in-file parent whose method has a body that is neither empty nor itself a throw, or
 * a built-in collection parent (`Map.prototype.set`, `Array.prototype.push`, …). Overrides of abstract methods or
 * of parent stubs are implementations, not refusals.
 */
import type { Rule } from '../../rule.js';
import { JS_LANGUAGES } from '../../js/jsNodes.js';
import { classTable } from '../../js/classes.js';
import { isStubBody, onlyThrows } from '../../js/members.js';
import { builtinMethods } from './subclassBuiltin.js';

export const refusedBequest: Rule = {
  id: 'oop.refused-bequest',
  languages: JS_LANGUAGES,
  create(ctx) {
    const table = classTable(ctx);
    return {
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = table.classOfNode(node);
        if (!c) return;
        if (!c.extendsNode) return;
        const builtin = c.parent ? undefined : builtinMethods(c.extendsName);
        for (const m of c.members) {
          if (m.kind !== 'method' || !onlyThrows(m.body)) continue;
          let parentName: string;
          const inh = table.inherited(c, m.name, m.isStatic);
          if (inh) {
            const p = inh.member;
            if (p.isAbstract || p.kind !== 'method' || isStubBody(ctx, p.body)) continue;
            parentName = `${inh.cls.name}.${p.name}`;
          } else if (builtin && !m.isStatic && builtin.has(m.name)) {
            parentName = `${c.extendsName}.prototype.${m.name}`;
          } else continue;
          ctx.report(m.node, `\`${c.name || 'This class'}.${m.name}\` only throws, refusing \`${parentName}\` which the parent implements: a \`${c.name || 'subclass'}\` cannot stand in for its parent`, 'Do not inherit what you refuse: extract the shared part into a smaller base class (or interface), or use composition.');
        }
      },
    };
  },
};
