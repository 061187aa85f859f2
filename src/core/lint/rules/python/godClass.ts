/**
 * oop.god-class (Python): a class with more than 20 public methods (defined in the class itself, not starting with
 * `_`) or more than 7 distinct instance attributes (`self.x = …` anywhere in its methods).
 */
import type { Rule } from '../../rule.js';
import { pythonClasses } from '../../python/classes.js';

const MAX_PUBLIC_METHODS = 20;
const MAX_INSTANCE_ATTRIBUTES = 7;

export const pyGodClass: Rule = {
  id: 'oop.god-class',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        const publicMethods = [...cls.methods.keys()].filter((n) => !n.startsWith('_')).length;
        const attrs = new Set(cls.selfAccesses.filter((a) => a.kind === 'store' || a.kind === 'augstore').map((a) => a.attr));
        const parts: string[] = [];
        if (publicMethods > MAX_PUBLIC_METHODS) parts.push(`${publicMethods} public methods (more than ${MAX_PUBLIC_METHODS})`);
        if (attrs.size > MAX_INSTANCE_ATTRIBUTES) parts.push(`${attrs.size} instance attributes (more than ${MAX_INSTANCE_ATTRIBUTES})`);
        if (parts.length === 0) return;
        ctx.report(cls.nameNode, `\`${cls.name}\` has ${parts.join(' and ')}`, 'Split it by responsibility: group related attributes and methods into smaller classes.');
      },
    };
  },
};
