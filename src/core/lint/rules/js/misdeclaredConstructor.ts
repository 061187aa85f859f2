/**
 * oop.misdeclared-constructor for TypeScript: a constructor declared where it is never one.
 * - an interface construct signature `new (…): I` returning the interface itself (an interface describes
 *   instances; a constructor type is a separate `…Constructor` interface);
 * - a `constructor(…)` method signature in an interface or object type (it declares an ordinary method);
 * - a class method named `new` returning the class's own type (meant as a constructor).
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { TS_LANGUAGES, kids } from '../../js/jsNodes.js';
import { classTable } from '../../js/classes.js';

function returnTypeName(ctx: RuleContext, sig: SyntaxNode): string {
  const t = sig.childForFieldName('type') ?? sig.childForFieldName('return_type');
  const inner = t ? kids(t)[0] : null;
  if (!inner) return '';
  const name = inner.type === 'generic_type' ? inner.childForFieldName('name') : inner;
  return name ? ctx.textOf(name) : '';
}

export const misdeclaredConstructor: Rule = {
  id: 'oop.misdeclared-constructor',
  languages: TS_LANGUAGES,
  create(ctx) {
    return {
      method_signature(m) {
        if (m.childForFieldName('name')?.text !== 'constructor') return;
        const owner = m.parent;
        const iface = owner?.type === 'interface_body' ? owner.parent : null;
        if (iface && iface.type === 'interface_declaration') {
          const name = iface.childForFieldName('name')?.text ?? '';
          ctx.report(m, `\`constructor(…)\` in interface \`${name}\` declares an ordinary method named "constructor", not a constructor`, 'Use a construct signature `new (…): T` in a separate constructor interface, or a class.');
        } else if (owner?.type === 'object_type') {
          ctx.report(m, '`constructor(…)` in an object type declares an ordinary method named "constructor", not a constructor', 'Use a construct signature `new (…): T` instead.');
        }
      },
      construct_signature(m) {
        const iface = m.parent?.parent;
        if (!iface || iface.type !== 'interface_declaration') return;
        const name = iface.childForFieldName('name')?.text ?? '';
        if (returnTypeName(ctx, m) !== name) return;
        ctx.report(m, `\`new (…)\` in interface \`${name}\` returns \`${name}\` itself: an interface describes instances, not their constructor`, `Declare the constructor type separately (e.g. \`interface ${name}Constructor { new (…): ${name} }\`) or use a class.`);
      },
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = classTable(ctx).classOfNode(node);
        if (!c) return;
        for (const m of c.members) {
          if (m.name !== 'new' || !c.name || returnTypeName(ctx, m.node) !== c.name) continue;
          ctx.report(m.node, `The method \`new()\` of \`${c.name}\` returns a \`${c.name}\`: it looks like a constructor but is an ordinary method`, 'Use `constructor(…)` (or a static factory with a descriptive name).');
        }
      },
    };
  },
};
