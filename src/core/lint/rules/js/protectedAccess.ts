/**
 * oop.protected-access for TS/JS: reading or writing another object's protected member from outside its class
 * hierarchy.
 * - `obj._x` (underscore convention) where a class in this file declares `_x` (field, method, constructor
 *   assignment) or `obj` is declared as an instance of an in-file class, and the access is outside that class's
 *   hierarchy. An underscore property no class here declares is not evidence of a protected member: plain objects
 *   use `_x` keys for many things (library-internal namespaces, data formats);
 * - `obj.x` where `obj` is declared as an instance of an in-file class (type annotation or `new C()`) that marks
 *   `x` `private`/`protected`, outside that class's hierarchy.
 * Dunder names (`__proto__`, `__esModule`), a bare `_` (lodash), well-known data keys (`_id`, `_rev`, `_links`, …),
 * globals (`window._x`) and module exports are not protected members.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, strip } from '../../js/jsNodes.js';
import { classTable, type ClassInfo, type ClassTable } from '../../js/classes.js';
import { thisMemberUses } from '../../js/members.js';
import { scopeTable } from '../../js/scope.js';

const DATA_KEYS = new Set(['_id', '_rev', '_key', '_index', '_source', '_type', '_score', '_links', '_embedded', '_meta', '_attachments', '_deleted', '_version', '_seq_no', '_primary_term', '_routing', '_parent', '_ts', '_etag', '_self', '_rid', '_count', '_sum', '_avg', '_min', '_max', '_doc', '_raw']);
const GLOBAL_RECEIVERS = new Set(['window', 'globalThis', 'global', 'self', 'exports', 'module.exports', 'this']);

/** Names each class declares itself (members, parameter properties, constructor/method `this.x =` assignments). */
function declaredNames(ctx: RuleContext, c: ClassInfo): Set<string> {
  return ctx.shared(`js.protectedAccess.names.${c.node.startIndex}`, () => {
    const names = new Set<string>(c.members.map((m) => m.name));
    for (const p of c.parameterProperties) names.add(p);
    for (const m of c.members) if (m.body) for (const u of thisMemberUses(ctx, m.body)) names.add(u.name);
    return names;
  });
}

/** Classes of the file whose declared names include `name`, in document order (indexed once per file). */
function declaringClasses(ctx: RuleContext, table: ClassTable, name: string): ClassInfo[] {
  const index = ctx.shared('js.protectedAccess.declarers', () => {
    const out = new Map<string, ClassInfo[]>();
    for (const c of table.classes) {
      for (const n of declaredNames(ctx, c)) {
        let list = out.get(n);
        if (!list) out.set(n, (list = []));
        list.push(c);
      }
    }
    return out;
  });
  return index.get(name) ?? [];
}

/** True when `a` and `b` are related by in-file inheritance (one is the other or inherits from it). */
function related(table: ClassTable, a: ClassInfo, b: ClassInfo): boolean {
  return table.isSubclassOf(a, b) || table.isSubclassOf(b, a);
}

/** The in-file class an identifier is declared to hold (`a: Account`, `new Account()`), or null. */
function declaredClass(ctx: RuleContext, table: ClassTable, recv: SyntaxNode): ClassInfo | null {
  const r = strip(recv);
  if (r.type !== 'identifier') return null;
  const b = scopeTable(ctx).resolve(r);
  if (!b) return null;
  const typeName = b.type && (b.type.type === 'type_identifier' ? b.type.text : b.type.type === 'generic_type' ? b.type.childForFieldName('name')?.text : null);
  const newName = b.init && strip(b.init).type === 'new_expression' ? strip(b.init).childForFieldName('constructor')?.text : null;
  const name = typeName ?? newName;
  return name ? (table.byName.get(name) ?? null) : null;
}

export const protectedAccess: Rule = {
  id: 'oop.protected-access',
  languages: JS_LANGUAGES,
  create(ctx) {
    const table = classTable(ctx);
    // Only names some class here declares as protected can be protected accesses: only those member reads are judged.
    const candidates = new Set<string>();
    for (const c of table.classes) {
      for (const n of declaredNames(ctx, c)) if (n.startsWith('_') && !n.startsWith('__')) candidates.add(n);
      for (const m of c.members) if (m.accessibility === 'private' || m.accessibility === 'protected') candidates.add(m.name);
      if (c.parameterProperties.length > 0) for (const p of c.parameterProperties) candidates.add(p);
    }
    return {
      member_expression(node) {
        if (candidates.size === 0) return;
        const prop0 = node.childForFieldName('property');
        if (!prop0 || !candidates.has(prop0.text)) return;
        const obj = node.childForFieldName('object');
        const prop = node.childForFieldName('property');
        if (!obj || !prop || prop.type !== 'property_identifier') return;
        const name = prop.text;
        const recv = strip(obj);
        if (recv.type === 'this' || recv.type === 'super') return;
        const recvText = ctx.textOf(recv);
        if (GLOBAL_RECEIVERS.has(recvText)) return;
        // `C.prototype._x = …` defines the class's own member.
        if (/\.prototype$/.test(recvText)) return;
        const here = table.enclosingClass(node);
        const underscore = name.startsWith('_') && name !== '_' && !name.startsWith('__') && !DATA_KEYS.has(name);
        let owner: ClassInfo | null;
        if (underscore) {
          if (here) {
            if (declaringClasses(ctx, table, name).some((c) => related(table, c, here))) return;
            // A subclass of a class from elsewhere may be reading an inherited protected member.
            if (table.hasExternalAncestor(here) && declaringClasses(ctx, table, name).length === 0) return;
          }
          owner = declaredClass(ctx, table, recv) ?? declaringClasses(ctx, table, name)[0] ?? null;
          if (!owner) return;
          if (here && related(table, owner, here)) return;
        } else {
          const cls = declaredClass(ctx, table, recv);
          if (!cls) return;
          const member = cls.members.find((x) => x.name === name);
          const isProtected = (member && (member.accessibility === 'private' || member.accessibility === 'protected')) || (!member && cls.hiddenParameterProperties.includes(name));
          if (!isProtected) return;
          if (here && related(table, cls, here)) return;
          owner = cls;
        }
        ctx.report(
          node,
          `\`${ctx.textOf(node).split('\n')[0]}\` reaches into ${owner ? `\`${owner.name}\`'s` : `\`${recvText.split('\n')[0]}\`'s`} protected member \`${name}\` from outside its class hierarchy`,
          owner ? `Add a public method to \`${owner.name}\` that does what this code needs, and call that.` : `Use the object's public API instead of \`${name}\`.`,
        );
      },
    };
  },
};
