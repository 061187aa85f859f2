/**
 * oop.refused-bequest (Python): an override whose body only raises `NotImplementedError` (or an error saying the
 * operation is not supported) for a method that an in-file ancestor actually implements (its body is not itself a
 * stub, abstract or a raise). The subclass cannot stand in for its parent.
 */
import type { Rule } from '../../rule.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { isStubBody, onlyRaisesNotImplemented, pythonClasses } from '../../python/classes.js';

export const pyRefusedBequest: Rule = {
  id: 'oop.refused-bequest',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    const text = (n: MirrorNode): string => ctx.textOf(n);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        for (const m of cls.methodList) {
          if (!onlyRaisesNotImplemented(m.body, text) || m.isAbstract) continue;
          const inh = table.inherited(cls, m.name);
          const parent = inh.method;
          if (!parent || !inh.owner || parent.isAbstract || isStubBody(parent.body) || onlyRaisesNotImplemented(parent.body, text)) continue;
          const at = m.node.childForFieldName('name') ?? m.node;
          ctx.report(at, `\`${cls.name}.${m.name}\` refuses \`${inh.owner.name}.${m.name}\`, which the parent implements`, `Do not inherit what you cannot support: split \`${inh.owner.name}\` or use composition.`);
        }
      },
    };
  },
};
