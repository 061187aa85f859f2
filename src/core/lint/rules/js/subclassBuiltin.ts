/**
 * oop.subclass-builtin for TS/JS: a subclass of a built-in collection (`Array`, `Map`, `Set`, `WeakMap`, `WeakSet`,
 * `String`) that overrides one of the built-in's methods. The built-in's other methods do not go through the
 * override (`concat`/`splice` ignore an overridden `push`, `new Map(entries)` aside, `forEach` ignores `get`), so the
 * class behaves inconsistently. Subclasses that only add methods are fine.
 */
import type { Rule } from '../../rule.js';
import { JS_LANGUAGES } from '../../js/jsNodes.js';
import { classTable } from '../../js/classes.js';

const BUILTIN_METHODS: Record<string, ReadonlySet<string>> = {
  Array: new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'slice', 'concat', 'map', 'filter', 'reduce', 'reduceRight', 'forEach', 'indexOf', 'lastIndexOf', 'includes', 'find', 'findIndex', 'sort', 'reverse', 'join', 'fill', 'some', 'every', 'at', 'flat', 'flatMap', 'keys', 'values', 'entries', 'copyWithin']),
  Map: new Set(['get', 'set', 'has', 'delete', 'clear', 'forEach', 'keys', 'values', 'entries']),
  WeakMap: new Set(['get', 'set', 'has', 'delete']),
  Set: new Set(['add', 'has', 'delete', 'clear', 'forEach', 'keys', 'values', 'entries']),
  WeakSet: new Set(['add', 'has', 'delete']),
  String: new Set(['charAt', 'indexOf', 'slice', 'substring', 'toUpperCase', 'toLowerCase', 'split', 'replace', 'trim']),
};

/** The built-in's methods (for other rules: refused-bequest treats them as implemented by the parent). */
export function builtinMethods(name: string): ReadonlySet<string> | undefined {
  return BUILTIN_METHODS[name];
}

export const subclassBuiltin: Rule = {
  id: 'oop.subclass-builtin',
  languages: JS_LANGUAGES,
  create(ctx) {
    return {
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = classTable(ctx).classOfNode(node);
        if (!c) return;
        const methods = BUILTIN_METHODS[c.extendsName];
        if (!methods || c.parent) return;
        const overridden = c.members.filter((m) => (m.kind === 'method' || m.kind === 'field') && !m.isStatic && methods.has(m.name)).map((m) => m.name);
        if (overridden.length === 0) return;
        ctx.report(c.node, `\`${c.name || 'This class'}\` extends the built-in \`${c.extendsName}\` and overrides ${overridden.map((n) => `\`${n}\``).join(', ')}; the built-in's other methods bypass ${overridden.length === 1 ? 'that override' : 'those overrides'}`, `Wrap a \`${c.extendsName}\` in a field (composition) and expose the operations you need.`);
      },
    };
  },
};
