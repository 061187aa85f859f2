/**
 * oop.static-only-class (Python): a class whose methods are all `@staticmethod` (at least one), with no instance
 * state, no class methods and no bases beyond `object`: a namespace that a module (or plain functions) expresses
 * better. Empty and constructor-only classes are not reported in Python, where they are usual markers, exceptions
 * and data holders.
 */
import type { Rule } from '../../rule.js';
import { pythonClasses } from '../../python/classes.js';

export const pyStaticOnlyClass: Rule = {
  id: 'oop.static-only-class',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        if (cls.methodList.length === 0 || cls.decorators.length > 0 || cls.keywords.size > 0) return;
        if (!cls.methodList.every((m) => m.isStatic)) return;
        const parents = table.parentsOf(cls);
        if (parents.inFile.length > 0 || parents.external.length > 0) return;
        if (table.hasInFileChild(cls)) return;
        ctx.report(cls.nameNode, `\`${cls.name}\` has only static methods: it is used as a namespace`, 'Make them module-level functions (the module is the namespace).');
      },
    };
  },
};
