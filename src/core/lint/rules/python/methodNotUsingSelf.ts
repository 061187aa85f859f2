/**
 * oop.method-not-using-self (Python): an instance method whose body never reads its first parameter (`self`) and
 * never calls `super()`. Skipped: special methods (`__x__`), overrides (a same-named method in an in-file ancestor;
 * with an ancestor outside the file any method might override, so only `test_*` methods and name-mangled `__private`
 * methods — which no base class can define under the same name — are judged there), abstract
 * methods and stubs (`pass`, `...`, docstring, `raise NotImplementedError`), decorated methods (properties, abstract,
 * overloads, framework hooks), methods of Protocol classes, and methods that subclasses in the file override (the
 * signature is an extension point).
 */
import type { Rule } from '../../rule.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { isStubBody, onlyRaisesNotImplemented, pythonClasses } from '../../python/classes.js';

export const pyMethodNotUsingSelf: Rule = {
  id: 'oop.method-not-using-self',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    const text = (n: MirrorNode): string => ctx.textOf(n);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        if (cls.baseTexts.some((b) => /(^|\.)Protocol\b/.test(b))) return;
        const external = table.hasExternalAncestor(cls);
        for (const m of cls.methodList) {
          if (m.isStatic || m.isClassMethod || !m.selfName || m.decorators.length > 0) continue;
          if (/^__.*__$/.test(m.name)) continue;
          if (!m.body || isStubBody(m.body) || onlyRaisesNotImplemented(m.body, text)) continue;
          const mangled = /^__\w*[^_]_?$/.test(m.name) && !m.name.endsWith('__');
          if (external && !m.name.startsWith('test') && !mangled) continue;
          const inh = table.inherited(cls, m.name);
          if (inh.method || inh.attr || inh.owner) continue;
          // Overridden by an in-file subclass: an extension point that must stay an instance method.
          if (table.overriddenInSubclass(cls, m.name)) continue;
          if (table.sem.isReadIn(m.body, m.selfName)) continue;
          if (/\bsuper\s*\(/.test(ctx.textOf(m.body))) continue;
          const at = m.node.childForFieldName('name') ?? m.node;
          ctx.report(at, `method \`${cls.name}.${m.name}\` never uses \`${m.selfName}\``, 'Make it a `@staticmethod` (or a module-level function).');
        }
      },
    };
  },
};
