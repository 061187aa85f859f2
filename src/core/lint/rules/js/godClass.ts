/**
 * oop.god-class for TS/JS: a class with more than 20 public methods or more than 7 instance attributes. Instance
 * attributes are non-static fields, parameter properties and names assigned through `this.x = …` anywhere in the
 * class; public methods are non-static, non-private methods (accessors and the constructor excluded).
 */
import type { Rule } from '../../rule.js';
import { JS_LANGUAGES } from '../../js/jsNodes.js';
import { classTable, isPublicMember } from '../../js/classes.js';
import { thisMemberUses } from '../../js/members.js';

const MAX_PUBLIC_METHODS = 20;
const MAX_ATTRIBUTES = 7;

export const godClass: Rule = {
  id: 'oop.god-class',
  languages: JS_LANGUAGES,
  create(ctx) {
    return {
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = classTable(ctx).classOfNode(node);
        if (!c) return;
        const publicMethods = c.members.filter((m) => m.kind === 'method' && !m.isStatic && isPublicMember(m)).length;
        const attrs = new Set<string>();
        for (const m of c.members) if (m.kind === 'field' && !m.isStatic) attrs.add(m.name);
        for (const p of c.parameterProperties) attrs.add(p);
        for (const m of c.members) {
          if (m.isStatic || !m.body) continue;
          for (const u of thisMemberUses(ctx, m.body)) if (u.write) attrs.add(u.name);
        }
        // Methods are not attributes even when assigned (`this.onClick = this.onClick.bind(this)`).
        for (const m of c.members) if (m.kind !== 'field') attrs.delete(m.name);
        const parts: string[] = [];
        if (publicMethods > MAX_PUBLIC_METHODS) parts.push(`${publicMethods} public methods (limit ${MAX_PUBLIC_METHODS})`);
        if (attrs.size > MAX_ATTRIBUTES) parts.push(`${attrs.size} instance attributes (limit ${MAX_ATTRIBUTES})`);
        if (parts.length === 0) return;
        ctx.report(c.node, `\`${c.name || 'This class'}\` has ${parts.join(' and ')}`, 'Split it by responsibility: group related attributes and the methods using them into smaller classes.');
      },
    };
  },
};
