/**
 * oop.static-method-misuse (Python): a `@staticmethod` whose first parameter is named `self` or `cls`: nothing binds
 * it, so it is either a forgotten instance/class method or misleading.
 */
import type { Rule } from '../../rule.js';
import { pythonClasses } from '../../python/classes.js';

export const pyStaticMethodMisuse: Rule = {
  id: 'oop.static-method-misuse',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        for (const m of cls.methodList) {
          if (!m.isStatic) continue;
          const first = m.params[0];
          if (!first || first.kind !== 'positional' || (first.name !== 'self' && first.name !== 'cls')) continue;
          const at = m.node.childForFieldName('name') ?? m.node;
          ctx.report(at, `static method \`${cls.name}.${m.name}\` takes \`${first.name}\` as its first parameter`, first.name === 'self' ? 'Remove `@staticmethod` to make it an instance method, or drop the `self` parameter.' : 'Use `@classmethod`, or drop the `cls` parameter.');
        }
      },
    };
  },
};
