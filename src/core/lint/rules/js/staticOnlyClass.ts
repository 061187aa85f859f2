/**
 * oop.static-only-class for TS/JS: a class used as a namespace — only static members, or empty, or only a
 * constructor (without parameter properties). Classes that extend something, implement an interface, carry
 * decorators (framework modules/services) or are abstract are left alone.
 */
import type { Rule, RuleContext } from '../../rule.js';
import { JS_LANGUAGES } from '../../js/jsNodes.js';
import { classTable } from '../../js/classes.js';
import { thisMemberUses } from '../../js/members.js';
import { namesAfterTypeKeywords } from '../../js/typeUses.js';

/** Names used after `new` / `instanceof` / `extends` anywhere in the real file (other functions' bodies included). */
function namesUsedAsType(ctx: RuleContext): ReadonlySet<string> {
  return ctx.outlineFacts?.typeKeywordNames ?? ctx.shared('js.staticOnly.usedNames', () => namesAfterTypeKeywords(ctx.fileText));
}

function usedAsType(ctx: RuleContext, name: string): boolean {
  return namesUsedAsType(ctx).has(name);
}

export const staticOnlyClass: Rule = {
  id: 'oop.static-only-class',
  languages: JS_LANGUAGES,
  create(ctx) {
    return {
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = classTable(ctx).classOfNode(node);
        if (!c) return;
        if (c.extendsNode || c.implementsNames.length > 0 || c.hasDecorator || c.isAbstract || c.isAmbient) return;
        // Extended, instantiated or used in `instanceof` in this file: used as a type, not as a namespace.
        if (c.name && usedAsType(ctx, c.name)) return;
        if (c.parameterProperties.length > 0) return;
        if (c.body.namedChildren.some((n) => n?.type === 'index_signature')) return;
        const members = c.members.filter((m) => m.kind !== 'signature');
        const staticBlocks = c.body.namedChildren.filter((n) => n?.type === 'class_static_block').length;
        const instance = members.filter((m) => !m.isStatic && m.kind !== 'constructor');
        if (instance.length > 0) return;
        const statics = members.filter((m) => m.isStatic).length + staticBlocks;
        const ctor = members.find((m) => m.kind === 'constructor');
        const hasCtor = !!ctor;
        // Static members next to a constructor: the class is meant to be instantiated (a factory or registry too).
        if (hasCtor && statics > 0) return;
        // A JavaScript constructor that assigns `this.x` gives instances state.
        if (ctor?.body && thisMemberUses(ctx, ctor.body).some((u) => u.write)) return;
        const what = statics > 0 ? 'only static members' : hasCtor ? 'only a constructor' : 'no members';
        ctx.report(c.node, `\`${c.name || 'This class'}\` has ${what}: it is a namespace, not a class`, statics > 0 ? 'Export the functions and constants from a module instead.' : hasCtor ? 'Use a plain function for the constructor\'s work.' : 'Remove the class, or use a type/interface if it only serves as a type.');
      },
    };
  },
};
