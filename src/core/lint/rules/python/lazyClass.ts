/**
 * oop.lazy-class (Python): a class with fewer than 2 public methods (its own plus those of in-file ancestors; special
 * protocol methods such as `__call__`, `__iter__`, `__enter__` count as public behaviour) and no state worth a class
 * (fewer than 3 instance attributes). Not reported for data and declaration classes (dataclasses and other decorated
 * classes, Enum, NamedTuple, TypedDict, Protocol, exceptions), classes with ancestors outside the file, classes with
 * class attributes, empty classes, and nested classes.
 */
import type { Rule } from '../../rule.js';
import { pythonClasses } from '../../python/classes.js';

const MIN_PUBLIC_METHODS = 2;
const TRIVIAL_DUNDERS = new Set(['__init__', '__new__', '__repr__', '__str__', '__del__', '__post_init__', '__init_subclass__']);

export const pyLazyClass: Rule = {
  id: 'oop.lazy-class',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        if (cls.decorators.length > 0 || cls.isEmpty || cls.keywords.size > 0) return;
        if (cls.node.parent?.parent?.type === 'class_definition' || cls.outer.parent?.parent?.type === 'class_definition') return;
        const anc = table.ancestorsOf(cls);
        if (anc.external.length > 0) return;
        if (cls.classAttrs.size > 0 || cls.otherBodyNames.size > 0) return;
        const lineage = [cls, ...anc.inFile];
        if (lineage.some((c) => c.classAttrs.size > 0)) return;
        const behaviour = new Set<string>();
        for (const c of lineage) {
          for (const name of c.methods.keys()) {
            if (!name.startsWith('_') || (name.startsWith('__') && name.endsWith('__') && !TRIVIAL_DUNDERS.has(name))) behaviour.add(name);
          }
        }
        if (behaviour.size >= MIN_PUBLIC_METHODS) return;
        const state = new Set(lineage.flatMap((c) => c.selfAccesses.filter((a) => a.kind === 'store').map((a) => a.attr)));
        if (state.size >= 3) return;
        if (cls.methodList.length === 0) return;
        // Subclassed in the file: it is a base others build on, not a lazy leaf.
        if (table.hasInFileChild(cls)) return;
        ctx.report(cls.nameNode, `\`${cls.name}\` has ${behaviour.size} public method${behaviour.size === 1 ? '' : 's'} and ${state.size} attribute${state.size === 1 ? '' : 's'}: too little to justify a class`, 'Use a function (or a dataclass/NamedTuple for plain data) instead.');
      },
    };
  },
};
