/**
 * oop.deep-inheritance (Python): a class with more than 7 ancestors. Ancestors defined in the file are followed
 * through; each base from outside the file counts as one ancestor (its own ancestry is unknown, so the count is a
 * lower bound and never over-reports). `object`, `ABC` and `Generic[...]` do not count.
 */
import type { Rule } from '../../rule.js';
import { pythonClasses } from '../../python/classes.js';

const MAX_ANCESTORS = 7;

export const pyDeepInheritance: Rule = {
  id: 'oop.deep-inheritance',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        const anc = table.ancestorsOf(cls);
        const count = anc.inFile.length + new Set(anc.external).size;
        if (count > MAX_ANCESTORS) {
          ctx.report(cls.nameNode, `\`${cls.name}\` has ${count} ancestors (more than ${MAX_ANCESTORS})`, 'Flatten the hierarchy: prefer composition or fewer intermediate classes.');
        }
      },
    };
  },
};
