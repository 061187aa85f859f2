/**
 * oop.lazy-class for TS/JS: a class with fewer than two public methods and no instance state (no fields,
 * parameter properties or `this.x = …`), so a plain function would do. Classes that extend or implement something,
 * carry decorators, are abstract, or have accessors are structural and left alone; classes with no instance methods
 * at all are oop.static-only-class territory.
 */
import type { Rule } from '../../rule.js';
import { JS_LANGUAGES } from '../../js/jsNodes.js';
import { classTable, isPublicMember } from '../../js/classes.js';
import { thisMemberUses } from '../../js/members.js';

export const lazyClass: Rule = {
  id: 'oop.lazy-class',
  languages: JS_LANGUAGES,
  create(ctx) {
    const table = classTable(ctx);
    return {
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = table.classOfNode(node);
        if (!c) return;
        if (c.extendsNode || c.implementsNames.length > 0 || c.hasDecorator || c.isAbstract || c.isAmbient) return;
        if (table.hasSubclasses(c)) return;
        if (c.parameterProperties.length > 0) return;
        const methods = c.members.filter((m) => m.kind === 'method' && !m.isStatic);
        if (methods.length === 0) return;
        if (c.members.some((m) => m.isStatic || m.kind === 'get' || m.kind === 'set' || (m.kind === 'field') || m.kind === 'signature' || m.kind === 'abstract-method')) return;
        const publicMethods = methods.filter(isPublicMember);
        if (publicMethods.length >= 2) return;
        const hasState = c.members.some((m) => m.body && thisMemberUses(ctx, m.body).some((u) => u.write));
        if (hasState) return;
        const only = publicMethods[0]?.name;
        ctx.report(c.node, `\`${c.name || 'This class'}\` has ${only ? `one public method (\`${only}\`)` : 'no public methods'} and no state`, only ? `Replace the class with a function \`${only}(…)\`.` : 'Replace the class with plain functions.');
      },
    };
  },
};
