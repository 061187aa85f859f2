/**
 * loop.linear-membership-test for TS/JS: `arr.includes(x)` / `arr.indexOf(x) !== -1` repeated per element of a loop
 * (statement or iteration callback) against an array the loop does not rebuild. Each test scans the array; a Set
 * built once answers in O(1). Only receivers known to be arrays (declared type or initialiser) are reported, plus,
 * when nothing is declared, names that read as collections (`ids`, `allowedList`); strings (`line.includes('#')`) and
 * inline literals of constant size are not.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { callParts, enclosingFunctionNode, identifierRefs, JS_LANGUAGES, kids, logicalParent, methodCall, snippet, strip } from '../../js/jsNodes.js';
import { dependsOnIteration } from '../../js/iteration.js';
import { enclosingIteration, type Iteration } from '../../js/loops.js';
import { scopeTable, type Binding } from '../../js/scope.js';
import { kindOf } from '../../js/types.js';

/** Plural-looking collection names used only when a receiver's kind is undeclared (plain JS parameters). */
const COLLECTION_NAME = /(?:[a-z]s|List|Array|Ids|IDs|Keys|Items|Names|Values|Codes|Words|Tags)$/;
const NOT_COLLECTION_NAME = /(?:ss|us|is|ous|Status|status|Class|class|Address|address|Text|text|Str|str|Alias|alias|Canvas|canvas|Options|options|Props|props|Params|params|Args|args|Settings|settings|Headers|headers|Chars|chars)$/;

function receiverIsArray(ctx: RuleContext, recv: SyntaxNode): boolean {
  const kind = kindOf(ctx, recv);
  if (kind === 'array') {
    // A const list of at most three literals that nothing adds to is a fixed, tiny set: a Set would not be faster.
    const r = strip(recv);
    if (r.type === 'identifier') {
      const b = scopeTable(ctx).resolve(r);
      if (b && b.kind === 'const' && b.init && strip(b.init).type === 'array') {
        const n = kids(strip(b.init)).length;
        const grows = growsInPlace(ctx, b);
        if (n > 0 && n <= 3 && !grows) return false;
      }
    }
    return true;
  }
  if (kind !== 'unknown') return false;
  const r = strip(recv);
  // Plain JS: a parameter's JSDoc type (`@param {string} allFlags`) decides before the name does.
  if (r.type === 'identifier') {
    const b = scopeTable(ctx).resolve(r);
    const docType = b && b.kind === 'param' ? jsDocParamType(b.scope, b.name) : null;
    if (docType !== null) return /\[\]|\bArray\b|\bReadonlyArray\b/.test(docType);
  }
  const name = r.type === 'identifier' ? r.text : r.type === 'member_expression' ? (r.childForFieldName('property')?.text ?? '') : '';
  return COLLECTION_NAME.test(name) && !NOT_COLLECTION_NAME.test(name);
}

const DOC_ATTACH = new Set(['variable_declarator', 'lexical_declaration', 'variable_declaration', 'export_statement', 'pair', 'assignment_expression', 'expression_statement', 'method_definition', 'public_field_definition', 'field_definition']);

/** The type in the JSDoc comment above `fn` for parameter `name` (`@param {T} name`), or null when there is none. */
function jsDocParamType(fn: SyntaxNode, name: string): string | null {
  let n = fn;
  while (n.parent && DOC_ATTACH.has(n.parent.type)) n = n.parent;
  const doc = n.previousNamedSibling;
  if (!doc || doc.type !== 'comment' || !doc.text.startsWith('/**')) return null;
  for (const tag of doc.text.split('@param').slice(1)) {
    const open = tag.indexOf('{');
    const close = tag.indexOf('}', open);
    if (open < 0 || close < 0) continue;
    const rest = tag.slice(close + 1).trimStart().replace(/^\[/, '');
    if (rest.startsWith(name) && !/[\w$]/.test(rest.charAt(name.length))) return tag.slice(open + 1, close);
  }
  return null;
}

/** `i !== -1`, `i >= 0`, `i < 0`, `i > -1`, `~i`: the indexOf result is used as a yes/no answer. */
function isMembershipUse(call: SyntaxNode): boolean {
  const p = logicalParent(call);
  if (!p) return false;
  if (p.type === 'unary_expression' && p.child(0)?.type === '~') return true;
  if (p.type !== 'binary_expression') return false;
  const op = p.childForFieldName('operator')?.type ?? '';
  if (!['===', '!==', '==', '!=', '<', '>', '<=', '>='].includes(op)) return false;
  const left = p.childForFieldName('left');
  const other = left && strip(left).startIndex === call.startIndex ? p.childForFieldName('right') : left;
  if (!other) return false;
  const t = strip(other).text.replace(/\s+/g, '');
  return t === '-1' || t === '0';
}

function loopWord(it: Iteration, ctx: RuleContext): string {
  if (it.kind === 'callback') return `\`${it.call.name}\` callback over \`${snippet(ctx, it.receiver, 30)}\``;
  return 'loop';
}

/**
 * A `const` array literal used for nothing but `.includes()` tests, at least one of them inside a function that can
 * run many times: the declaration is where the fix (a Set) goes.
 */
const INCLUDES = ['includes'];
const GROWERS = new Set(['push', 'unshift', 'splice']);

/** True when code calls `name.push/unshift/splice(…)` on the binding (answered once per binding). */
function growsInPlace(ctx: RuleContext, b: Binding): boolean {
  const cache = ctx.shared('js.linearMembershipTest.grows', () => new Map<Binding, boolean>());
  let grows = cache.get(b);
  if (grows === undefined) {
    grows = scopeTable(ctx)
      .refsOf(b)
      .some((ref) => {
        const m = ref.parent;
        return m?.type === 'member_expression' && m.childForFieldName('object') === ref && GROWERS.has(m.childForFieldName('property')?.text ?? '') && m.parent?.type === 'call_expression' && m.parent.childForFieldName('function') === m;
      });
    cache.set(b, grows);
  }
  return grows;
}

function reportMembershipOnlyArrays(ctx: RuleContext, alreadyReported: ReadonlySet<number>): void {
  const table = scopeTable(ctx);
  const names = new Set<string>();
  for (const call of ctx.syntax().ofType('call_expression')) {
    const cp = methodCall(call, INCLUDES);
    if (cp && cp.receiver && strip(cp.receiver).type === 'identifier') names.add(strip(cp.receiver).text);
  }
  for (const name of names) {
    for (const b of table.bindingsNamed(name)) {
      if (b.kind !== 'const' || !b.init || alreadyReported.has(b.id.startIndex)) continue;
      const init = strip(b.init);
      if (init.type === 'array' ? kids(init).some((k) => k.type === 'spread_element') : kindOf(ctx, init) !== 'array') continue;
      if (b.declarator?.parent?.parent?.type === 'export_statement') continue;
      const refs = identifierRefs(ctx, b.scope, b.name).filter((r) => r.startIndex !== b.id.startIndex && table.resolve(r) === b);
      if (refs.length === 0) continue;
      const declFn = enclosingFunctionNode(b.id);
      let repeated = false;
      let onlyTests = true;
      for (const r of refs) {
        const p = logicalParent(r);
        const call = p && p.type === 'member_expression' && p.childForFieldName('property')?.text === 'includes' ? logicalParent(p) : null;
        const cp = call ? callParts(call) : null;
        if (!cp || cp.args.length !== 1) {
          onlyTests = false;
          break;
        }
        if ((enclosingFunctionNode(r)?.startIndex ?? -1) !== (declFn?.startIndex ?? -1) || enclosingIteration(r)) repeated = true;
      }
      if (!onlyTests || !repeated) continue;
      ctx.report(b.id, `\`${b.name}\` is an array used only for \`.includes()\` membership tests, which run repeatedly and scan it each time`, `Declare it as a Set (\`const ${b.name} = new Set(…)\`) and test with \`${b.name}.has(x)\`.`);
    }
  }
}

export const linearMembershipTest: Rule = {
  id: 'loop.linear-membership-test',
  languages: JS_LANGUAGES,
  // `file:exit` reports declarations using what the calls all over the file collected.
  walksWholeFile: true,
  create(ctx) {
    const reportedArrays = new Set<number>();
    return {
      // After the walk: arrays the calls above did not already report at their declaration.
      'file:exit'() {
        reportMembershipOnlyArrays(ctx, reportedArrays);
      },
      call_expression(node) {
        const cp = methodCall(node, ['includes', 'indexOf', 'lastIndexOf']);
        if (!cp) return;
        if (!cp.receiver || cp.args.length === 0 || cp.args.length > 2) return;
        if (cp.name !== 'includes' && !isMembershipUse(cp.call)) return;
        const recv = strip(cp.receiver);
        if (recv.type === 'array') return; // inline literal: constant size
        const it = enclosingIteration(cp.call);
        if (!it) return;
        // Testing the element's own (small) array, or a collection rebuilt per iteration, is not a repeated scan.
        if (dependsOnIteration(ctx, it, recv)) return;
        if (it.kind === 'callback' && strip(it.receiver).text === recv.text && cp.name !== 'includes') return;
        if (!receiverIsArray(ctx, recv)) return;
        const needle = cp.args[0]!;
        if (recv.type === 'identifier') {
          const rb = scopeTable(ctx).resolve(recv);
          if (rb) reportedArrays.add(rb.id.startIndex);
        }
        ctx.report(
          cp.call,
          `\`${snippet(ctx, cp.call)}\` scans the array \`${snippet(ctx, recv, 30)}\` for \`${snippet(ctx, needle, 20)}\` on every iteration of the ${loopWord(it, ctx)}`,
          `Build a Set once before the loop (\`const set = new Set(${snippet(ctx, recv, 30)})\`) and test \`set.has(${snippet(ctx, needle, 20)})\`.`,
        );
      },
    };
  },
};
