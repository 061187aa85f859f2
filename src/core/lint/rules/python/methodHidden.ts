/**
 * oop.method-hidden (Python): a method `m` of a class while an instance attribute `self.m = …` is assigned in the
 * class or an in-file ancestor. After the assignment the instance attribute shadows the method. Properties and
 * descriptors (`@property`, `@cached_property`, setters) are not hidden by such an assignment and are skipped, as
 * is a method whose assignment is the method itself re-bound (`self.m = self.m`-style wrapping, `types.MethodType`).
 */
import type { Rule } from '../../rule.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { pythonClasses, type SelfAccess } from '../../python/classes.js';

export const pyMethodHidden: Rule = {
  id: 'oop.method-hidden',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        const lineage = [cls, ...table.ancestorsOf(cls).inFile];
        const stores = new Map<string, SelfAccess>();
        for (const c of lineage) {
          for (const a of c.selfAccesses) {
            // `__x` is mangled with the class name: a parent's `self.__x` is a different attribute.
            if (c !== cls && /^__/.test(a.attr) && !/__$/.test(a.attr)) continue;
            if (a.kind === 'store' && !stores.has(a.attr) && cls.methods.has(a.attr) && !/\b(MethodType|partial|wraps)\b|\bself\.\w+$/.test(assignedValue(a.node))) stores.set(a.attr, a);
          }
        }
        for (const [name, defs] of cls.methods) {
          const m = defs[0];
          if (!m || defs.some((d) => d.isProperty || d.decorators.length > 0)) continue;
          const store = stores.get(name);
          if (!store) continue;
          const at = m.node.childForFieldName('name') ?? m.node;
          ctx.report(at, `method \`${cls.name}.${name}\` is hidden by the attribute \`${ctx.textOf(store.node)}\` assigned in \`${store.method.name}\``, `Rename the attribute or the method (e.g. \`self._${name}\`).`);
        }
      },
    };
    function assignedValue(target: MirrorNode): string {
      const assign = target.parent;
      const right = assign?.type === 'assignment' ? assign.childForFieldName('right') : null;
      return right ? ctx.textOf(right) : '';
    }
  },
};
