/**
 * oop.useless-super-delegation for TS/JS: a member that only forwards to the parent unchanged, or an empty
 * constructor the default one would give.
 * - a derived class's constructor whose whole body is `super(<its own parameters, in order>)`, `super(...args)` or
 *   `super(...arguments)`;
 * - a constructor with an empty body in a class without a parent;
 * - a method whose whole body is `return super.<same name>(<its own parameters>)`.
 * Not reported when the member changes something: parameter defaults/optionality, TypeScript parameter properties,
 * parameter decorators, a `private`/`protected` constructor (or `public` in a derived class: it may widen the
 * parent's), overload signatures, a declared return type, or member decorators.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, callParts, isEmptyBlock, kids, hasKeyword, isOptionalParam, isRestParam, memberParts, simpleParamName, strip } from '../../js/jsNodes.js';
import { classTable, type ClassInfo, type MemberInfo } from '../../js/classes.js';

/** The parameter names if every parameter is plain (no default, not optional, no decorator, no modifier). */
function plainParams(m: MemberInfo): { names: string[]; rest: boolean } | null {
  const names: string[] = [];
  let rest = false;
  for (const p of m.params) {
    if (kids(p).some((c) => c.type === 'decorator' || c.type === 'accessibility_modifier' || c.type === 'override_modifier') || hasKeyword(p, 'readonly')) return null;
    if (isRestParam(p)) {
      rest = true;
      const inner = p.type === 'rest_pattern' ? kids(p)[0] : kids(p.childForFieldName('pattern') ?? p)[0];
      if (!inner || inner.type !== 'identifier') return null;
      names.push(inner.text);
      continue;
    }
    if (isOptionalParam(p)) return null;
    const n = simpleParamName(p);
    if (!n) return null;
    names.push(n);
  }
  return { names, rest };
}

/** True when `args` pass exactly `params` through (`a, b` for `(a, b)`; `...args` for `(...args)`; `...arguments`). */
function forwardsExactly(ctx: RuleContext, args: SyntaxNode[], params: { names: string[]; rest: boolean }): boolean {
  if (args.length === 1 && args[0]!.type === 'spread_element' && ctx.textOf(kids(args[0]!)[0] ?? args[0]!) === 'arguments') return true;
  if (args.length !== params.names.length) return false;
  return args.every((a, i) => {
    const last = i === params.names.length - 1;
    if (last && params.rest) return a.type === 'spread_element' && ctx.textOf(kids(a)[0] ?? a) === params.names[i];
    return strip(a).type === 'identifier' && strip(a).text === params.names[i];
  });
}

function singleStatement(body: SyntaxNode | null): SyntaxNode | null {
  if (!body) return null;
  const stmts = kids(body);
  return stmts.length === 1 ? stmts[0]! : null;
}

function checkConstructor(ctx: RuleContext, c: ClassInfo, m: MemberInfo): void {
  if (m.accessibility === 'private' || m.accessibility === 'protected' || m.hasDecorator) return;
  if (c.members.some((x) => x.kind === 'signature' && x.name === 'constructor')) return;
  // Overload signatures parse as bodiless method definitions.
  if (c.body.namedChildren.filter((n) => n?.type === 'method_signature' && n.childForFieldName('name')?.text === 'constructor').length > 0) return;
  const params = plainParams(m);
  if (!params || !m.body) return;
  const ext = c.extendsNode ? strip(c.extendsNode) : null;
  if (!ext) {
    // In TypeScript, parameters of an empty constructor still declare the class's constructor type.
    if (m.params.length > 0 && ctx.grammar !== 'javascript') return;
    if (isEmptyBlock(m.body)) {
      ctx.report(m.node, `The empty constructor of \`${c.name || 'this class'}\` does what the default constructor does`, 'Remove it.');
    }
    return;
  }
  if (m.accessibility === 'public') return;
  const stmt = singleStatement(m.body);
  if (!stmt || stmt.type !== 'expression_statement') return;
  const cp = callParts(kids(stmt)[0] ?? stmt);
  if (!cp || cp.callee.type !== 'super') return;
  if (!forwardsExactly(ctx, cp.args, params)) return;
  ctx.report(m.node, `The constructor of \`${c.name || 'this class'}\` only passes its arguments to \`${c.extendsName}\`'s unchanged`, 'Remove it: the default constructor of a subclass forwards all arguments to the parent.');
}

/** The body's first statement is `return super.name(…)`, written plainly (no parentheses or type arguments). */
function returnsSuperCall(body: SyntaxNode): boolean {
  const first = kids(body)[0];
  const value = first?.type === 'return_statement' ? kids(first)[0] : undefined;
  if (!value || value.type !== 'call_expression' || value.childForFieldName('type_arguments')) return false;
  const fn = value.childForFieldName('function');
  return fn?.type === 'member_expression' && fn.childForFieldName('object')?.type === 'super';
}

function checkMethod(ctx: RuleContext, c: ClassInfo, m: MemberInfo): void {
  // Cheap test first: the first statement must be `return super.<name>(…)` (comments before it allowed).
  if (!m.body || !returnsSuperCall(m.body)) return;
  if (m.hasDecorator || m.node.childForFieldName('return_type')) return;
  const params = plainParams(m);
  if (!params) return;
  const stmt = singleStatement(m.body);
  if (!stmt || stmt.type !== 'return_statement') return;
  const value = kids(stmt)[0];
  const cp = value ? callParts(value) : null;
  if (!cp || !cp.receiver || strip(cp.receiver).type !== 'super') return;
  const mp = memberParts(cp.callee);
  if (!mp || mp.property !== m.name) return;
  if (!forwardsExactly(ctx, cp.args, params)) return;
  ctx.report(m.node, `\`${c.name || 'this class'}.${m.name}\` only returns \`super.${m.name}(…)\` with the same arguments`, `Remove the override; the inherited \`${m.name}\` is used anyway.`);
}

export const uselessSuperDelegation: Rule = {
  id: 'oop.useless-super-delegation',
  languages: JS_LANGUAGES,
  create(ctx) {
    return {
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = classTable(ctx).classOfNode(node);
        if (!c) return;
        for (const m of c.members) {
          if (m.kind === 'constructor') checkConstructor(ctx, c, m);
          else if (m.kind === 'method' && c.extendsNode) checkMethod(ctx, c, m);
        }
      },
    };
  },
};
