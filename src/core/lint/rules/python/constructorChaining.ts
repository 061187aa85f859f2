/**
 * oop.constructor-chaining (Python):
 * - `__init__` in a subclass that never calls its parent's `__init__` (through `super()` or `Base.__init__`), when
 *   the nearest ancestor defining `__init__` is in the file and does real work;
 * - `Other.__init__(self, …)` where `Other` is not a base of the class;
 * - `super(Other, self)` naming a class other than the one being defined.
 */
import type { Rule } from '../../rule.js';
import { namedChildren } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { isStubBody, onlyRaisesNotImplemented, pythonClasses, type PyClass } from '../../python/classes.js';

export const pyConstructorChaining: Rule = {
  id: 'oop.constructor-chaining',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        const init = cls.methods.get('__init__')?.[0];
        if (!init || !init.body) return;
        const parents = table.parentsOf(cls);
        const ancestorNames = new Set([...cls.baseTexts, ...table.ancestorsOf(cls).inFile.map((c) => c.name)]);
        let callsParent = false;
        for (const call of ctx.syntax().descendantsOfType(init.body, 'call')) {
          const fn = call.childForFieldName('function');
          const obj = fn?.childForFieldName('object');
          const attr = fn?.childForFieldName('attribute');
          if (!obj || !attr || ctx.textOf(attr) !== '__init__') continue;
          if (obj.type === 'call' && /^super\s*$/.test(ctx.textOf(obj.childForFieldName('function') as MirrorNode))) {
            callsParent = true;
            const args = namedChildren(obj.childForFieldName('arguments') as MirrorNode);
            const named = args[0];
            if (named && named.type === 'identifier' && ctx.textOf(named) !== cls.name && !cls.isLocal) {
              ctx.report(obj, `\`super(${ctx.textOf(named)}, …)\` in \`${cls.name}\` names a different class`, `Use \`super().__init__(…)\` (or \`super(${cls.name}, self)\`).`);
            }
          } else if (obj.type === 'identifier' || obj.type === 'attribute') {
            const name = ctx.textOf(obj);
            if (ancestorNames.has(name)) callsParent = true;
            else if (isKnownClass(name)) {
              ctx.report(call, `\`${cls.name}.__init__\` calls \`${name}.__init__\`, which is not a base of \`${cls.name}\``, `Call the parent's constructor: \`super().__init__(…)\`.`);
              callsParent = true;
            }
          }
        }
        if (callsParent || parents.inFile.length === 0 || parents.external.length > 0) return;
        const parentInit = nearestInit(cls);
        if (!parentInit) return;
        const name = init.node.childForFieldName('name') ?? init.node;
        ctx.report(name, `\`${cls.name}.__init__\` never calls \`${parentInit.name}.__init__\``, 'Call `super().__init__(…)` so the parent initialises its part of the object.');
      },
    };
    /** The nearest in-file ancestor whose own `__init__` does real work (undefined if unknown or trivial). */
    function nearestInit(cls: PyClass): PyClass | undefined {
      const anc = table.ancestorsOf(cls);
      for (const a of anc.inFile) {
        const init = a.methods.get('__init__')?.[0];
        if (init) return isStubBody(init.body) || onlyRaisesNotImplemented(init.body, (n) => ctx.textOf(n)) ? undefined : a;
        if (table.parentsOf(a).external.length > 0) return undefined;
      }
      return undefined;
    }
    /** A class name bound in this file (so calling its `__init__` from an unrelated class is a real mistake). */
    function isKnownClass(name: string): boolean {
      if (!/^[A-Za-z_]\w*$/.test(name)) return false;
      const b = table.sem.bindingsOf(name, ctx.text.length - 1);
      return b.length > 0 && b.every((x) => x.kind === 'class');
    }
  },
};
