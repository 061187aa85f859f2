/**
 * oop.abstract-class-misuse for TypeScript: abstract classes used wrongly.
 * - a concrete class whose in-file abstract ancestors declare members that nothing in the chain implements
 *   (reported at the class, naming the missing members);
 * - `new A()` of an abstract class declared in the file;
 * - an abstract class with no abstract members of its own or inherited (nothing forces subclasses to provide
 *   anything), unless its parent is outside the file;
 * - an empty, non-abstract method in an abstract class (a body that should be `abstract`), except hooks named like
 *   `onX`/`beforeX`/`afterX` and bodies that hold a comment explaining the no-op.
 */
import type { Rule } from '../../rule.js';
import { TS_LANGUAGES, isEmptyBlock, newParts } from '../../js/jsNodes.js';
import { classTable, type ClassInfo, type ClassTable } from '../../js/classes.js';

const HOOK_NAME = /^(on|before|after|will|did|handle)[A-Z_]|Hook$|^noop$/;

/** Abstract members of the chain not implemented by `c` or any class between it and the declaring ancestor. */
function unimplemented(table: ClassTable, c: ClassInfo): string[] {
  const chain = [c, ...table.ancestors(c)];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < chain.length; i++) {
    const cls = chain[i]!;
    for (const m of cls.members) {
      if (!m.isAbstract || m.isStatic || seen.has(m.name)) continue;
      seen.add(m.name);
      const implemented = chain.slice(0, i).some((sub) => sub.members.some((x) => x.name === m.name && !x.isAbstract && !x.isStatic) || sub.parameterProperties.includes(m.name));
      if (!implemented) missing.push(m.name);
    }
  }
  return missing;
}

export const abstractClassMisuse: Rule = {
  id: 'oop.abstract-class-misuse',
  languages: TS_LANGUAGES,
  create(ctx) {
    const table = classTable(ctx);
    // new AbstractClass()
    const abstractNames = new Set(table.classes.filter((c) => c.isAbstract && c.name).map((c) => c.name));
    // Without a single abstract member in the file nothing can be left unimplemented: skip the walks up each chain.
    const anyAbstractMember = table.classes.some((c) => c.members.some((m) => m.isAbstract));
    const missingOf = (c: ClassInfo): string[] => (anyAbstractMember ? unimplemented(table, c) : []);
    return {
      new_expression(n) {
        if (abstractNames.size === 0) return;
        const np = newParts(n);
        if (!np || !abstractNames.has(np.ctor)) return;
        ctx.report(n, `\`new ${np.ctor}(…)\` instantiates an abstract class`, `Instantiate a concrete subclass of \`${np.ctor}\` instead.`);
      },
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = table.classOfNode(node);
        if (!c) return;
        const anchor = c.node;
        if (!c.isAbstract) {
          if (!c.parent) return;
          const missing = missingOf(c);
          if (missing.length > 0) {
            ctx.report(anchor, `\`${c.name || 'This class'}\` is concrete but does not implement ${missing.map((m) => `\`${m}\``).join(', ')} declared abstract by its parent`, `Implement ${missing.length === 1 ? 'it' : 'them'}, or declare \`${c.name || 'the class'}\` abstract.`);
          }
          return;
        }
        const ownAbstract = c.members.some((m) => m.isAbstract);
        const inherited = c.parent ? missingOf(c).length > 0 : false;
        if (!ownAbstract && !inherited && !table.hasExternalAncestor(c)) {
          ctx.report(anchor, `\`${c.name}\` is declared abstract but has no abstract members`, 'Declare the members subclasses must provide as `abstract`, or make the class concrete.');
        }
        for (const m of c.members) {
          if (m.kind !== 'method' || m.isStatic || m.isAbstract || !m.body) continue;
          if (!isEmptyBlock(m.body) || HOOK_NAME.test(m.name)) continue;
          ctx.report(m.node, `\`${c.name}.${m.name}\` has an empty body in an abstract class: subclasses silently inherit a no-op`, `Declare it \`abstract ${m.name}(…)\` so every subclass must implement it.`);
        }
      },
    };
  },
};
