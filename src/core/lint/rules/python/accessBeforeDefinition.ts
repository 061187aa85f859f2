/**
 * oop.access-before-definition (Python): `self.x` read in a method before that method's first assignment of
 * `self.x`, when `x` is not defined any earlier way: not a class attribute, not set in an earlier-running method
 * (`__init__` runs first), not inherited from an in-file ancestor, and the class has no external ancestors,
 * `__getattr__`, `__slots__` tricks or `setattr` calls that could supply it.
 */
import type { Rule } from '../../rule.js';
import { pythonClasses, type SelfAccess } from '../../python/classes.js';

export const pyAccessBeforeDefinition: Rule = {
  id: 'oop.access-before-definition',
  languages: ['python'],
  check(ctx) {
    const table = pythonClasses(ctx);
    for (const cls of table.classes) {
      if (table.hasExternalAncestor(cls)) continue;
      if (cls.methods.has('__getattr__') || cls.methods.has('__getattribute__') || cls.decorators.length > 0) continue;
      if (/\bsetattr\s*\(|__dict__/.test(ctx.textOf(cls.node))) continue;
      const ancestors = table.ancestorsOf(cls).inFile;
      const byAttr = new Map<string, SelfAccess[]>();
      for (const a of cls.selfAccesses) {
        let list = byAttr.get(a.attr);
        if (!list) byAttr.set(a.attr, (list = []));
        list.push(a);
      }
      for (const [attr, accesses] of byAttr) {
        if (cls.classAttrs.has(attr) || cls.methods.has(attr) || cls.otherBodyNames.has(attr)) continue;
        if (ancestors.some((p) => p.classAttrs.has(attr) || p.methods.has(attr) || p.selfAccesses.some((a) => a.attr === attr && a.kind === 'store'))) continue;
        const firstStore = accesses.filter((a) => a.kind === 'store').sort((a, b) => a.node.startIndex - b.node.startIndex)[0];
        if (!firstStore) continue;
        // If __init__ assigns it, reads in other methods are fine; otherwise only the defining method is judged.
        const init = accesses.find((a) => a.kind === 'store' && a.method.name === '__init__');
        const definingMethod = init ? init.method : firstStore.method;
        const firstInMethod = accesses.filter((a) => a.method === definingMethod && a.kind === 'store').sort((a, b) => a.node.startIndex - b.node.startIndex)[0];
        if (!firstInMethod) continue;
        const early = accesses.find((a) => a.method === definingMethod && (a.kind === 'load' || a.kind === 'augstore') && a.node.startIndex < firstInMethod.node.startIndex && !insideNestedFunction(a));
        if (!early) continue;
        if (/hasattr\s*\(\s*self\s*,/.test(ctx.textOf(definingMethod.node))) continue;
        ctx.report(early.node, `\`${ctx.textOf(early.node)}\` is read before \`${definingMethod.name}\` assigns it`, `Assign \`self.${attr}\` before reading it (in \`__init__\`, or as a class attribute default).`);
      }
    }

    function insideNestedFunction(a: SelfAccess): boolean {
      for (let n = a.node.parent; n && n.id !== a.method.node.id; n = n.parent) {
        if (n.type === 'function_definition' || n.type === 'lambda') return true;
      }
      return false;
    }
  },
};
