/**
 * oop.signature-mismatch for TS/JS: an override (same name, same static-ness, parent declared in this file) that
 * callers written against the parent cannot use the same way:
 * - a method overriding an accessor or a plain field, or an accessor overriding a method;
 * - `async` on one side only, when the synchronous side does not return a promise either;
 * - more required parameters than the parent requires (callers pass fewer).
 * Dropping trailing parameters, adding optional ones, and overriding a rest-parameter method are compatible.
 */
import type { Rule, RuleContext } from '../../rule.js';
import { JS_LANGUAGES, isOptionalParam, isRestParam, isThisParam } from '../../js/jsNodes.js';
import { classTable, type MemberInfo } from '../../js/classes.js';
import { returnTypeText } from '../../js/members.js';

function requiredCount(m: MemberInfo): number {
  let n = 0;
  for (const p of m.params) {
    if (isThisParam(p)) continue;
    if (isOptionalParam(p)) break;
    n++;
  }
  return n;
}

function hasRest(m: MemberInfo): boolean {
  return m.params.some(isRestParam);
}

function shape(m: MemberInfo): 'method' | 'accessor' | 'property' {
  if (m.kind === 'get' || m.kind === 'set') return 'accessor';
  if (m.kind === 'field') return m.value && /^(arrow_function|function_expression)$/.test(m.value.type) ? 'method' : 'property';
  return 'method';
}

/** True when a non-async method still returns a promise (annotation, or a body that builds one). */
function returnsPromise(ctx: RuleContext, m: MemberInfo): boolean {
  if (/Promise|Thenable/.test(returnTypeText(ctx, m.node))) return true;
  return !!m.body && /\bPromise\b|\.then\s*\(/.test(ctx.textOf(m.body));
}

export const signatureMismatch: Rule = {
  id: 'oop.signature-mismatch',
  languages: JS_LANGUAGES,
  create(ctx) {
    const table = classTable(ctx);
    return {
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = table.classOfNode(node);
        if (!c) return;
        if (!c.parent) return;
        for (const m of c.members) {
          if (m.kind === 'constructor' || m.kind === 'signature' || !m.name) continue;
          const inh = table.inherited(c, m.name, m.isStatic);
          if (!inh) continue;
          const p = inh.member;
          const where = `\`${inh.cls.name}.${p.name}\``;
          const ms = shape(m);
          const ps = shape(p);
          // A field overriding an accessor (or vice versa) with a value is a shape change only when one side is a method.
          if (ms !== ps && (ms === 'method' || ps === 'method')) {
            ctx.report(m.node, `\`${c.name}.${m.name}\` is a ${ms} but overrides ${where}, which is a ${ps}`, `Keep the parent's kind: declare \`${m.name}\` as a ${ps} too.`);
            continue;
          }
          if (ms !== 'method' || ps !== 'method' || m.kind === 'field' || p.kind === 'field') continue;
          if (m.isAsync !== p.isAsync && !m.isGenerator && !p.isGenerator) {
            const syncSide = m.isAsync ? p : m;
            if (!returnsPromise(ctx, syncSide)) {
              ctx.report(m.node, `\`${c.name}.${m.name}\` is ${m.isAsync ? 'async' : 'synchronous'} but overrides ${where}, which is ${p.isAsync ? 'async' : 'synchronous'}: callers ${m.isAsync ? 'get a promise instead of the result' : 'await a value that is not a promise'}`, `Match the parent: make both async (returning a promise) or both synchronous.`);
              continue;
            }
          }
          if (hasRest(p) || hasRest(m)) continue;
          const mr = requiredCount(m);
          const pr = requiredCount(p);
          if (mr > pr) {
            ctx.report(m.node, `\`${c.name}.${m.name}\` requires ${mr} argument${mr === 1 ? '' : 's'} but overrides ${where}, which requires ${pr}: calls written for the parent pass too few`, 'Make the extra parameters optional (give them defaults), or use a differently named method.');
          }
        }
      },
    };
  },
};
