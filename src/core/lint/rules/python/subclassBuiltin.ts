/**
 * oop.subclass-builtin (Python): a class deriving directly from the builtin `dict`, `list` or `str`. Their C
 * methods (`update`, `extend`, `__init__`, …) bypass overridden `__setitem__`/`append`, so behaviour diverges;
 * `collections.UserDict`/`UserList`/`UserString` route everything through the overridable methods.
 */
import type { Rule } from '../../rule.js';
import { pythonClasses } from '../../python/classes.js';

const REPLACEMENT: Record<string, string> = { dict: 'collections.UserDict', list: 'collections.UserList', str: 'collections.UserString' };

export const pySubclassBuiltin: Rule = {
  id: 'oop.subclass-builtin',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        cls.bases.forEach((base) => {
          // `dict[str, int]` (generic alias) and `builtins.dict` are the builtin too.
          const b = base.type === 'subscript' ? (base.childForFieldName('value') ?? base) : base;
          let name = ctx.textOf(b);
          if (b.type === 'attribute' && /^builtins\.(dict|list|str)$/.test(name)) name = name.slice('builtins.'.length);
          else if (b.type !== 'identifier') return;
          if (!(name in REPLACEMENT)) return;
          if (b.type === 'identifier' && table.sem.resolveScope(name, b.startIndex)) return; // shadowed by a local name
          ctx.report(cls.nameNode, `\`${cls.name}\` subclasses the builtin \`${name}\`, whose methods bypass overrides`, `Subclass \`${REPLACEMENT[name]}\` instead.`);
        });
      },
    };
  },
};
