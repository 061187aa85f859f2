/**
 * oop.static-method-misuse for TS/JS: a static method whose first parameter is named `self` or `cls`, written as if
 * the instance or class were passed implicitly. (TypeScript's typed `this` pseudo-parameter is fine.)
 */
import type { Rule } from '../../rule.js';
import { JS_LANGUAGES, isThisParam, simpleParamName } from '../../js/jsNodes.js';
import { classTable } from '../../js/classes.js';

export const staticMethodMisuse: Rule = {
  id: 'oop.static-method-misuse',
  languages: JS_LANGUAGES,
  create(ctx) {
    return {
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = classTable(ctx).classOfNode(node);
        if (!c) return;
        for (const m of c.members) {
          if (m.kind !== 'method' || !m.isStatic) continue;
          const first = m.params.find((p) => !isThisParam(p));
          const name = first ? simpleParamName(first) : null;
          if (name !== 'self' && name !== 'cls') continue;
          ctx.report(m.node, `The static method \`${c.name || 'class'}.${m.name}\` takes \`${name}\` as its first parameter, as if the ${name === 'self' ? 'instance' : 'class'} were passed implicitly`, name === 'self' ? `Make it an instance method using \`this\`, or give the parameter a real name.` : `Use \`this\` inside the static method to refer to the class, and drop the \`cls\` parameter.`);
        }
      },
    };
  },
};
