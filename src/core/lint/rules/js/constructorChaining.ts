/**
 * oop.constructor-chaining for TS/JS: a constructor that breaks the chain to its parent's.
 * - a derived class's constructor that never calls `super(…)` (reported at the constructor), or calls it on some
 *   paths only;
 * - `this`/`super.x` used before `super(…)` (including inside its arguments), reported at that use;
 * - `super(…)` in a class without a parent (or `extends null`), reported at the call;
 * - `Other.call(this, …)` in a derived class's constructor naming a class other than the parent.
 * Constructors that always throw, or replace the instance by returning an object, are left alone.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, kids, statementsOf, strip } from '../../js/jsNodes.js';
import { classTable } from '../../js/classes.js';
import { instanceRefs, prototypeParentCall, sameThis, superCalls } from '../../js/members.js';

/** `returned`: the path left the constructor by a bare `return` (no object), so it never called super there. */
type Flow = 'called' | 'missing' | 'exit' | 'partial' | 'returned';

function containsSuperCall(ctx: RuleContext, node: SyntaxNode, root: SyntaxNode): boolean {
  return superCalls(ctx, node).some((c) => sameThis(c, root));
}

/** Whether every path through `stmts` calls super (or leaves by throwing / returning an object). */
function flow(ctx: RuleContext, stmts: SyntaxNode[], root: SyntaxNode): Flow {
  for (const s of stmts) {
    if (s.type === 'throw_statement') return 'exit';
    if (s.type === 'return_statement') {
      if (containsSuperCall(ctx, s, root)) return 'called';
      return kids(s).length > 0 ? 'exit' : 'returned';
    }
    if (s.type === 'if_statement') {
      const cons = flow(ctx, statementsOf(s.childForFieldName('consequence')), root);
      const altNode = s.childForFieldName('alternative');
      const alt = altNode ? flow(ctx, statementsOf(kids(altNode)[0] ?? null), root) : 'missing';
      if (cons === 'partial' || alt === 'partial') return 'partial';
      if (cons === 'returned' && alt === 'returned') return 'returned';
      // One branch returns without super while the constructor calls it elsewhere: that path lacks it.
      if ((cons === 'returned' || alt === 'returned') && containsSuperCall(ctx, root, root)) return 'partial';
      const done = (f: Flow) => f === 'called' || f === 'exit';
      if (done(cons) && done(alt)) return cons === 'exit' && alt === 'exit' ? 'exit' : 'called';
      if (done(cons) !== done(alt)) {
        // One branch called super and the other did not: later statements cannot fix both.
        if (cons === 'called' || alt === 'called') return 'partial';
        continue; // one branch exits, the other falls through to the rest
      }
      continue;
    }
    if (s.type === 'statement_block') {
      const f = flow(ctx, kids(s), root);
      if (f !== 'missing') return f;
      continue;
    }
    if (s.type === 'empty_statement') continue;
    if (containsSuperCall(ctx, s, root)) {
      // super(…) and then `return`/`throw` in the same block: this path is complete and leaves, so an `if` with no
      // `else` around it does not make the constructor partial (undici's `if (type === kConstruct) { super(…); return }`).
      if (stmts.slice(stmts.indexOf(s) + 1).some((r) => r.type === 'return_statement' || r.type === 'throw_statement')) return 'exit';
      // A super call at statement level (or nested in an expression) on the straight-line path.
      if (s.type === 'expression_statement' || s.type === 'lexical_declaration' || s.type === 'variable_declaration') return 'called';
      // Inside loops, try, switch…: assume it is handled (precision first).
      return 'called';
    }
  }
  return 'missing';
}

export const constructorChaining: Rule = {
  id: 'oop.constructor-chaining',
  languages: JS_LANGUAGES,
  create(ctx) {
    const table = classTable(ctx);
    return {
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = table.classOfNode(node);
        if (!c) return;
        const ctor = c.members.find((m) => m.kind === 'constructor');
        if (!ctor?.body) return;
        const body = ctor.body;
        const ext = c.extendsNode ? strip(c.extendsNode) : null;
        const derived = !!ext && ext.type !== 'null';
        const calls = superCalls(ctx, body);
        if (!derived) {
          for (const call of calls) {
            ctx.report(call, `\`super(…)\` is called in the constructor of \`${c.name || 'this class'}\`, which ${ext ? 'extends null' : 'has no parent class'}`, ext ? 'Remove the call (a class extending null has no parent constructor).' : 'Remove the call, or add the intended `extends` clause.');
          }
          return;
        }
        if (calls.length === 0) {
          const f = flow(ctx, kids(body), body);
          if (f === 'exit') return;
          // (`returned`/`missing`: no path calls super.)
          ctx.report(ctor.node, `The constructor of \`${c.name || 'this class'}\` never calls \`super(…)\`, so \`${c.extendsName}\`'s initialisation never runs (and \`this\` is unusable)`, 'Call `super(…)` with the parent\'s arguments before using `this`.');
          return;
        }
        const f = flow(ctx, kids(body), body);
        if (f === 'partial' || f === 'missing' || f === 'returned') {
          ctx.report(ctor.node, `The constructor of \`${c.name || 'this class'}\` calls \`super(…)\` on some paths only`, 'Call `super(…)` exactly once on every path, before using `this`.');
          return;
        }
        // A second super() on the straight-line path throws ("Super constructor may only be called once").
        const topLevel = calls.filter((call) => kids(body).some((s) => s.type === 'expression_statement' && kids(s)[0]?.startIndex === call.startIndex));
        if (topLevel.length > 1) {
          ctx.report(topLevel[1]!, `\`super(…)\` is called a second time in the constructor of \`${c.name || 'this class'}\``, 'Call `super(…)` exactly once.');
        }
        // this / super.x before the first top-level super() call
        const first = topLevel[0];
        if (first) {
          // A use after a super(…) in its own block is on a path that already called it (an early-return branch).
          const covered = (r: SyntaxNode) => calls.some((call) => call.endIndex <= r.startIndex && r.endIndex <= enclosingBlock(call, body).endIndex);
          const isSuperCallee = (r: SyntaxNode) => r.type === 'super' && r.parent?.type === 'call_expression' && calls.some((call) => call.startIndex === r.parent!.startIndex);
          const early = instanceRefs(ctx, body).find((r) => r.startIndex < first.endIndex && !isSuperCallee(r) && !covered(r));
          if (early && !insideArrow(early, body)) {
            const use = early.parent && early.parent.type === 'member_expression' ? early.parent : early;
            ctx.report(use, `\`${ctx.textOf(use).split('\n')[0]}\` is used before \`super(…)\` has run in the constructor of \`${c.name || 'this class'}\``, 'Move the `super(…)` call before any use of `this` (compute arguments from parameters only).');
          }
        }
        // Old-style chaining to a class other than the parent.
        for (const call of ctx.syntax().descendantsOfType(body, 'call_expression')) {
          const target = prototypeParentCall(call);
          if (!target || target === c.extendsName || !/^[A-Z]/.test(target)) continue;
          ctx.report(call, `\`${target}.call(this, …)\` initialises \`${c.name}\` as a \`${target}\`, which is not its parent \`${c.extendsName}\``, `Initialise through \`super(…)\` (the parent is \`${c.extendsName}\`).`);
        }
      },
    };
  },
};

function enclosingBlock(node: SyntaxNode, root: SyntaxNode): SyntaxNode {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'statement_block' || (n.startIndex === root.startIndex && n.endIndex === root.endIndex)) return n;
  return root;
}

function insideArrow(node: SyntaxNode, root: SyntaxNode): boolean {
  for (let n = node.parent; n && !(n.startIndex === root.startIndex && n.endIndex === root.endIndex); n = n.parent) if (n.type === 'arrow_function') return true;
  return false;
}
