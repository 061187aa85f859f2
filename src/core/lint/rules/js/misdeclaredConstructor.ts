/**
 * oop.misdeclared-constructor for TypeScript: a constructor declared where it is never one.
 * - an interface construct signature `new (…): I` returning the interface itself (an interface describes
 *   instances; a constructor type is a separate `…Constructor` interface);
 * - a `constructor(…)` method signature in an interface or object type (it declares an ordinary method);
 * - a class method named `new` returning the class's own type (meant as a constructor).
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../treeSitter.js';
import { TS_LANGUAGES, kids } from './jsAst.js';

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
  check(ctx) {
    for (const iface of ctx.nodesOfType(['interface_declaration'])) {
      const name = iface.childForFieldName('name')?.text ?? '';
      const body = iface.childForFieldName('body');
      if (!body) continue;
      for (const m of kids(body)) {
        if (m.type === 'construct_signature' && returnTypeName(ctx, m) === name) {
          ctx.report(m, `\`new (…)\` in interface \`${name}\` returns \`${name}\` itself: an interface describes instances, not their constructor`, `Declare the constructor type separately (e.g. \`interface ${name}Constructor { new (…): ${name} }\`) or use a class.`);
        } else if (m.type === 'method_signature' && m.childForFieldName('name')?.text === 'constructor') {
          ctx.report(m, `\`constructor(…)\` in interface \`${name}\` declares an ordinary method named "constructor", not a constructor`, 'Use a construct signature `new (…): T` in a separate constructor interface, or a class.');
        }
      }
    }
    for (const t of ctx.nodesOfType(['object_type'])) {
      for (const m of kids(t)) {
        if (m.type === 'method_signature' && m.childForFieldName('name')?.text === 'constructor') {
          ctx.report(m, '`constructor(…)` in an object type declares an ordinary method named "constructor", not a constructor', 'Use a construct signature `new (…): T` instead.');
        }
      }
    }
    for (const cls of ctx.nodesOfType(['class_declaration', 'class', 'abstract_class_declaration'])) {
      const name = cls.childForFieldName('name')?.text;
      const body = cls.childForFieldName('body');
      if (!name || !body) continue;
      for (const m of kids(body)) {
        if ((m.type === 'method_definition' || m.type === 'method_signature') && m.childForFieldName('name')?.text === 'new' && returnTypeName(ctx, m) === name) {
          ctx.report(m, `The method \`new()\` of \`${name}\` returns a \`${name}\`: it looks like a constructor but is an ordinary method`, 'Use `constructor(…)` (or a static factory with a descriptive name).');
        }
      }
    }
  },
};
