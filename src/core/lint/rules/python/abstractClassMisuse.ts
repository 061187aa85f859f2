/**
 * oop.abstract-class-misuse (Python):
 * - an ABC (direct `ABC` base or `metaclass=ABCMeta`) that defines methods but none of them abstract;
 * - an empty method (`pass`/`...`/docstring) in an ABC without `@abstractmethod` (subclasses silently inherit a
 *   no-op);
 * - a concrete subclass that leaves abstract methods of an in-file ancestor unimplemented (methods marked
 *   `@abstractmethod`, or whose body only raises `NotImplementedError`);
 * - instantiating an in-file class that still has `@abstractmethod` members under ABC/ABCMeta (a TypeError at run
 *   time).
 * A subclass that other in-file classes extend and the file never instantiates is an intermediate layer, not concrete.
 * Classes with ancestors outside the file are only judged on what the file shows.
 */
import type { Rule } from '../../rule.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { isStubBody, onlyRaisesNotImplemented, pythonClasses, type PyClass, type PyClassTable, type PyMethod } from '../../python/classes.js';

const ABC_BASES = new Set(['ABC', 'abc.ABC']);
const ABC_META = new Set(['ABCMeta', 'abc.ABCMeta']);

/** The class itself declares it is abstract: inherits ABC directly or uses the ABCMeta metaclass. */
export function declaresAbstract(cls: PyClass): boolean {
  return cls.baseTexts.some((b) => ABC_BASES.has(b)) || ABC_META.has(cls.keywords.get('metaclass') ?? '');
}

function isAbstractMethod(m: PyMethod, text: (n: MirrorNode) => string): boolean {
  return m.isAbstract || onlyRaisesNotImplemented(m.body, text);
}

/** True when the class or an in-file ancestor uses ABC/ABCMeta, so `@abstractmethod` is enforced. */
function enforcesAbstract(table: PyClassTable, cls: PyClass): boolean {
  return declaresAbstract(cls) || table.ancestorsOf(cls).inFile.some(declaresAbstract);
}

/** Names of abstract methods the class leaves unimplemented (walking in-file ancestors, nearest definition wins). */
export function unimplementedAbstract(table: PyClassTable, cls: PyClass, text: (n: MirrorNode) => string, decoratedOnly: boolean): string[] {
  const chain = [cls, ...table.ancestorsOf(cls).inFile];
  const resolved = new Map<string, boolean>();
  for (const c of chain) {
    for (const [name, defs] of c.methods) {
      if (resolved.has(name)) continue;
      const m = defs[defs.length - 1] as PyMethod;
      resolved.set(name, decoratedOnly ? m.isAbstract : isAbstractMethod(m, text));
    }
    for (const name of c.classAttrs.keys()) if (!resolved.has(name)) resolved.set(name, false);
    for (const name of c.otherBodyNames) if (!resolved.has(name)) resolved.set(name, false);
  }
  return [...resolved].filter(([, abstract]) => abstract).map(([name]) => name);
}

export const pyAbstractClassMisuse: Rule = {
  id: 'oop.abstract-class-misuse',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    const text = (n: MirrorNode): string => ctx.textOf(n);
    let instantiatedIds: Set<number> | undefined;
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        if (declaresAbstract(cls)) {
          // ABC with no abstract method (only when the ABC is the only base: mixing in a concrete base is deliberate).
          const anyAbstract = cls.methodList.some((m) => m.isAbstract);
          if (!anyAbstract && cls.methodList.length > 0 && cls.bases.length + cls.keywords.size === 1) {
            ctx.report(cls.nameNode, `\`${cls.name}\` is an abstract base class but declares no abstract method`, 'Mark the methods subclasses must provide with `@abstractmethod`, or drop the ABC base.');
          }
          // Empty non-abstract methods.
          for (const m of cls.methodList) {
            if (m.isAbstract || m.isOverload || !isStubBody(m.body) || m.name === '__init__') continue;
            if (!anyAbstract) continue; // already reported at the class
            const name = m.node.childForFieldName('name') ?? m.node;
            ctx.report(name, `\`${cls.name}.${m.name}\` is empty but not abstract: subclasses silently inherit a no-op`, 'Decorate it with `@abstractmethod`, or give it a real default body.');
          }
          return;
        }
        // Concrete subclass that leaves abstract methods unimplemented.
        const anc = table.ancestorsOf(cls);
        if (anc.inFile.length === 0) return;
        if (cls.methodList.some((m) => isAbstractMethod(m, text))) return; // itself abstract: an intermediate class
        // Under ABC/ABCMeta an incomplete subclass may be a deliberate intermediate: judge it only when it looks
        // concrete (it has its own constructor, or the file instantiates it).
        if (enforcesAbstract(table, cls) && !cls.methods.has('__init__') && !instantiated(cls)) return;
        // A base of other classes in the file that the file never instantiates is an intermediate layer (mailbox's
        // `_singlefileMailbox` under `mbox` and `Babyl`): its subclasses are the concrete ones and are judged.
        if (!instantiated(cls) && table.subclassesOf(cls).length > 0) return;
        const missing = unimplementedAbstract(table, cls, text, false);
        if (missing.length > 0) {
          ctx.report(cls.nameNode, `\`${cls.name}\` does not implement abstract method${missing.length > 1 ? 's' : ''} ${missing.map((m) => `\`${m}\``).join(', ')}`, 'Implement them, or mark the class abstract.');
        }
      },
      // Instantiation of an abstract in-file class.
      call(call) {
        const fn = call.childForFieldName('function');
        if (!fn || fn.type !== 'identifier') return;
        const binds = table.sem.bindingsOf(ctx.textOf(fn), fn.startIndex);
        if (binds.length !== 1 || binds[0]?.kind !== 'class') return;
        const cls = table.classOfNode(binds[0].site);
        if (!cls || !enforcesAbstract(table, cls) || table.hasExternalAncestor(cls)) return;
        const missing = unimplementedAbstract(table, cls, text, true);
        if (missing.length === 0) return;
        // Calls inside the class's own methods (e.g. `cls()` factories) are usually on subclasses: skip them.
        if (call.startIndex >= cls.node.startIndex && call.endIndex <= cls.node.endIndex) return;
        ctx.report(call, `\`${cls.name}\` is abstract (${missing.map((m) => `\`${m}\``).join(', ')}) and cannot be instantiated`, 'Instantiate a concrete subclass that implements every abstract method.');
      },
    };
    /** Whether the file calls the class (computed once for all classes). */
    function instantiated(cls: PyClass): boolean {
      if (!instantiatedIds) {
        instantiatedIds = new Set();
        const names = new Set(table.classes.map((c) => c.name));
        for (const call of ctx.syntax().ofType('call')) {
          const fn = call.childForFieldName('function');
          if (!fn || fn.type !== 'identifier' || !names.has(ctx.textOf(fn))) continue;
          const binds = table.sem.bindingsOf(ctx.textOf(fn), fn.startIndex);
          if (binds.length === 1 && binds[0]?.kind === 'class') instantiatedIds.add(binds[0].site.id);
        }
      }
      return instantiatedIds.has(cls.node.id);
    }
  },
};
