/**
 * oop.eq-without-hash (Python): a class that defines `__eq__` but not `__hash__`. Python then sets `__hash__` to
 * None, so instances can no longer live in sets or be dict keys. An explicit `__hash__ = None` (deliberately
 * unhashable) or a `__hash__` method is fine.
 */
import type { Rule } from '../../rule.js';
import { pythonClasses } from '../../python/classes.js';

export const pyEqWithoutHash: Rule = {
  id: 'oop.eq-without-hash',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        if (!cls.methods.has('__eq__')) return;
        if (cls.methods.has('__hash__') || cls.classAttrs.has('__hash__') || cls.otherBodyNames.has('__hash__')) return;
        ctx.report(cls.nameNode, `\`${cls.name}\` defines \`__eq__\` without \`__hash__\`, so its instances are unhashable`, 'Define `__hash__` consistent with `__eq__` (or set `__hash__ = None` to make unhashability explicit).');
      },
    };
  },
};
