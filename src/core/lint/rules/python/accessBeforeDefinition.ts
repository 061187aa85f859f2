/**
 * oop.access-before-definition (Python): `self.x` read in a method before that method's first assignment of
 * `self.x`, where nothing else can have supplied it: `x` is assigned in that one method only (or in `__init__`,
 * which runs first), is not a class attribute, method or slot default, no in-file ancestor defines it, and the class
 * has no external ancestors, `__new__`, `__getattr__` or `setattr` tricks, and is not a mixin (`…Mixin`, whose
 * attributes come from the host class). Reads guarded by `hasattr`, by a
 * `try … except AttributeError`, or sitting in a different branch of the same `if` as the assignment are not
 * "before".
 */
import type { Rule, RuleContext } from '../../rule.js';
import { namedChildren } from '../../syntax.js';
import type { MirrorNode } from '../../syntaxMirror.js';
import { pythonClasses, type SelfAccess } from '../../python/classes.js';
import { firstIndex } from '../../../util/search.js';

/**
 * True when `setattr(` or `__dict__` appears inside `node`. The positions are collected once per file from the
 * identifiers, and each class asks by binary search (testing each class's text was quadratic for nested classes).
 */
function usesSetattrOrDict(ctx: RuleContext, node: MirrorNode): boolean {
  const at = ctx.shared('python.setattrOrDict', () =>
    ctx
      .syntax()
      .ofType('identifier')
      .filter((n) => {
        const t = ctx.textOf(n);
        return t === '__dict__' || (t === 'setattr' && n.parent?.type === 'call' && n.field === 'function');
      })
      .map((n) => n.startIndex),
  );
  const lo = firstIndex(at, (x) => x < node.startIndex);
  return lo < at.length && (at[lo] as number) < node.endIndex;
}

export const pyAccessBeforeDefinition: Rule = {
  id: 'oop.access-before-definition',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    // Attributes some code assigns on other objects (`info.offset = …`): they may be set from outside the class.
    const assignedFromOutside = ctx.shared('python.attributesAssignedFromOutside', () => {
      // In the editor's incremental re-lint, the assignments in other functions' (blanked) bodies come as facts.
      const out = new Set<string>(ctx.outlineFacts?.attributesAssignedOutside);
      for (const a of ctx.syntax().ofType('attribute')) {
        const obj = a.childForFieldName('object');
        const attr = a.childForFieldName('attribute');
        if (!obj || !attr || (obj.type === 'identifier' && /^(self|cls)$/.test(ctx.textOf(obj)))) continue;
        if (a.field === 'left' && (a.parent?.type === 'assignment' || a.parent?.type === 'augmented_assignment')) out.add(ctx.textOf(attr));
      }
      return out;
    });
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        if (table.hasExternalAncestor(cls)) return;
        // Mixins read attributes their host class defines.
        if (/mixin$/i.test(cls.name)) return;
        if (cls.methods.has('__getattr__') || cls.methods.has('__getattribute__') || cls.methods.has('__new__') || cls.decorators.length > 0) return;
        if (usesSetattrOrDict(ctx, cls.node)) return;
        const ancestors = table.ancestorsOf(cls).inFile;
        const byAttr = new Map<string, SelfAccess[]>();
        for (const a of cls.selfAccesses) {
          let list = byAttr.get(a.attr);
          if (!list) byAttr.set(a.attr, (list = []));
          list.push(a);
        }
        for (const [attr, accesses] of byAttr) {
          if (cls.classAttrs.has(attr) || cls.methods.has(attr) || cls.otherBodyNames.has(attr) || assignedFromOutside.has(attr)) continue;
          if (ancestors.some((p) => p.classAttrs.has(attr) || p.methods.has(attr) || p.otherBodyNames.has(attr) || p.selfAccesses.some((a) => a.attr === attr && a.kind === 'store'))) continue;
          const stores = accesses.filter((a) => a.kind === 'store');
          if (stores.length === 0) continue;
          const init = stores.find((a) => a.method.name === '__init__');
          const storingMethods = new Set(stores.map((a) => a.method));
          // Assigned in several methods (none of them __init__): another may run first.
          if (!init && storingMethods.size > 1) continue;
          const definingMethod = init ? init.method : (stores[0] as SelfAccess).method;
          const firstStore = stores.filter((a) => a.method === definingMethod).sort((a, b) => a.node.startIndex - b.node.startIndex)[0];
          if (!firstStore) continue;
          if (/hasattr\s*\(/.test(ctx.textOf(definingMethod.node))) continue;
          const early = accesses.find(
            (a) =>
              a.method === definingMethod &&
              (a.kind === 'load' || a.kind === 'augstore') &&
              a.node.startIndex < firstStore.node.startIndex &&
              !insideNestedFunction(a) &&
              !guardedByTry(a.node, definingMethod.node) &&
              !exclusiveBranches(a.node, firstStore.node),
          );
          if (!early) continue;
          ctx.report(early.node, `\`${ctx.textOf(early.node)}\` is read before \`${definingMethod.name}\` assigns it`, `Assign \`self.${attr}\` before reading it (in \`__init__\`, or as a class attribute default).`);
        }
      },
    };
    function insideNestedFunction(a: SelfAccess): boolean {
      for (let n = a.node.parent; n && n.id !== a.method.node.id; n = n.parent) {
        if (n.type === 'function_definition' || n.type === 'lambda') return true;
      }
      return false;
    }
    /** Inside the body of a `try` that catches AttributeError (or everything), or of `with suppress(AttributeError)`. */
    function guardedByTry(node: MirrorNode, stop: MirrorNode): boolean {
      for (let n = node.parent, child = node; n && n.id !== stop.id; child = n, n = n.parent) {
        if (n.type === 'with_statement' && /suppress\s*\([^)]*AttributeError/.test(ctx.textOf(n.childForFieldName('body') ? (namedChildren(n)[0] as MirrorNode) : n))) return true;
        if (n.type !== 'try_statement' || n.childForFieldName('body')?.id !== child.id) continue;
        for (const h of namedChildren(n)) {
          if (h.type !== 'except_clause') continue;
          const caught = namedChildren(h)[0];
          if (!caught || caught.type === 'block' || /\b(AttributeError|Exception|BaseException)\b/.test(ctx.textOf(caught))) return true;
        }
      }
      return false;
    }
    /** `a` and `b` sit in different branches (if / elif / else, not the condition) of one `if` statement. */
    function exclusiveBranches(a: MirrorNode, b: MirrorNode): boolean {
      const branchOf = (n: MirrorNode): Map<number, MirrorNode> => {
        const out = new Map<number, MirrorNode>();
        for (let p = n.parent, child = n; p; child = p, p = p.parent) if (p.type === 'if_statement') out.set(p.id, child);
        return out;
      };
      const ba = branchOf(a);
      for (const [ifId, branch] of branchOf(b)) {
        const other = ba.get(ifId);
        if (other && other.id !== branch.id && other.field !== 'condition' && branch.field !== 'condition') return true;
      }
      return false;
    }
  },
};
