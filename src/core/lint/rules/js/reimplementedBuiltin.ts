/**
 * loop.reimplemented-builtin for TS/JS: a loop over an array that does exactly what `some`, `every`, `includes`,
 * `find` or `Math.max`/`Math.min` do.
 * - `for (x of xs) if (C) return true; return false;` (→ `some`/`includes`), with `false`/`true` swapped (→ `every`);
 * - `for (x of xs) if (C) return x;` followed by `return undefined|null` or the end of the function (→ `find`);
 * - `let found = false; for (…) if (C) { found = true; break; }` (→ `some`);
 * - `let m = …; for (x of xs) if (E > m) m = E;` or `m = Math.max(m, E)` (→ `Math.max(...)`, likewise min).
 * The loop body must be that single statement. Index loops count when they only read `xs[i]`. Sums are not reported:
 * JavaScript has no built-in sum.
 */
import type { Rule, RuleContext } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, callParts, identifierRefs, kids, statementsOf, strip, nextStatement, previousStatement } from '../../js/jsNodes.js';
import { isForAwait, isForOf } from '../../js/loops.js';
import { scopeTable } from '../../js/scope.js';
import { kindOf } from '../../js/types.js';

interface Shape {
  readonly loop: SyntaxNode;
  /** Source text of the element expression (`x`, or `xs[i]` for index loops). */
  readonly element: string;
  readonly collection: string;
  readonly body: SyntaxNode[];
}

/** Recognises `for (const x of xs)` and `for (let i = 0; i < xs.length; i++)`; null for other loops. */
function shapeOf(ctx: RuleContext, loop: SyntaxNode): Shape | null {
  const body = statementsOf(loop.childForFieldName('body'));
  if (body.length !== 1) return null;
  if (isForOf(loop) && !isForAwait(loop)) {
    const left = loop.childForFieldName('left');
    const right = loop.childForFieldName('right');
    if (!left || !right || left.type !== 'identifier') return null;
    const k = kindOf(ctx, right);
    if (k === 'map' || k === 'set' || k === 'object') return null;
    return { loop, element: left.text, collection: ctx.textOf(strip(right)), body };
  }
  if (loop.type === 'for_statement') {
    const init = ctx.textOf(loop.childForFieldName('initializer') ?? loop).replace(/\s+/g, '');
    const cond = ctx.textOf(loop.childForFieldName('condition') ?? loop).replace(/\s+/g, '');
    const inc = ctx.textOf(loop.childForFieldName('increment') ?? loop).replace(/\s+/g, '');
    const m = /^(?:let|var)([\w$]+)=[01];?$/.exec(init);
    if (!m) return null;
    const i = m[1]!;
    const c = new RegExp(`^${i.replace(/\$/g, '\\$')}<([\\w$.]+)\\.length;?$`).exec(cond);
    if (!c || (inc !== `${i}++` && inc !== `++${i}` && inc !== `${i}+=1`)) return null;
    return { loop, element: `${c[1]}[${i}]`, collection: c[1]!, body };
  }
  return null;
}

function boolLiteral(node: SyntaxNode | null | undefined): boolean | null {
  if (!node) return null;
  const n = strip(node);
  return n.type === 'true' ? true : n.type === 'false' ? false : null;
}

/** `if (C) <stmt>` without else, whose consequence is a single statement: returns [C, stmt]. */
function guarded(stmt: SyntaxNode): [SyntaxNode, SyntaxNode[]] | null {
  if (stmt.type !== 'if_statement' || stmt.childForFieldName('alternative')) return null;
  const cond = stmt.childForFieldName('condition');
  const cons = statementsOf(stmt.childForFieldName('consequence'));
  if (!cond) return null;
  return [cond, cons];
}

/** The statement right after `node` in its block, or null. */

function normalise(ctx: RuleContext, n: SyntaxNode): string {
  return ctx.textOf(strip(n)).replace(/\s+/g, '').replace(/!$/, '');
}

function detect(ctx: RuleContext, s: Shape): { builtin: string; detail: string } | null {
  if (s.body.length !== 1) return null;
  const g = guarded(s.body[0]!);
  const after = nextStatement(s.loop);
  if (g) {
    const [cond, cons] = g;
    if (cons.length === 1 && cons[0]!.type === 'return_statement') {
      const value = kids(cons[0]!)[0];
      const b = boolLiteral(value);
      if (b !== null && after && after.type === 'return_statement' && boolLiteral(kids(after)[0]) === !b) {
        const c = strip(cond);
        if (b && c.type === 'binary_expression' && c.childForFieldName('operator')?.type === '===' && [c.childForFieldName('left'), c.childForFieldName('right')].some((x) => x && normalise(ctx, x) === s.element.replace(/\s+/g, ''))) {
          return { builtin: 'includes', detail: `\`${s.collection}.includes(…)\`` };
        }
        return b ? { builtin: 'some', detail: `\`${s.collection}.some(…)\`` } : { builtin: 'every', detail: `\`${s.collection}.every(…)\` with the negated condition` };
      }
      if (value && normalise(ctx, value) === s.element.replace(/\s+/g, '')) {
        const ends = !after || (after.type === 'return_statement' && (!kids(after)[0] || ['undefined', 'null'].includes(normalise(ctx, kids(after)[0]!))));
        const fnBody = s.loop.parent;
        const isFunctionTail = !after && !!fnBody && fnBody.type === 'statement_block' && !!fnBody.parent && /function|method|arrow/.test(fnBody.parent.type);
        if (ends && (after || isFunctionTail)) return { builtin: 'find', detail: `\`${s.collection}.find(…)\`` };
      }
    }
    // let found = false; for … if (C) { found = true; break; }
    if (cons.length === 2 && cons[1]!.type === 'break_statement' && !cons[1]!.childForFieldName('label') && cons[0]!.type === 'expression_statement') {
      const asg = strip(kids(cons[0]!)[0] ?? cons[0]!);
      if (asg.type === 'assignment_expression') {
        const flag = asg.childForFieldName('left');
        const v = boolLiteral(asg.childForFieldName('right'));
        const prev = previousStatement(s.loop);
        if (flag && flag.type === 'identifier' && v !== null && prev) {
          const b = scopeTable(ctx).resolve(flag);
          if (b && b.init && boolLiteral(b.init) === !v && b.writes.length === 1 && prev.startIndex <= b.id.startIndex && b.id.endIndex <= prev.endIndex) {
            return { builtin: v ? 'some' : 'every', detail: `\`const ${flag.text} = ${s.collection}.${v ? 'some' : 'every'}(…)\`` };
          }
        }
      }
    }
    // if (E > m) m = E;
    if (cons.length === 1 && cons[0]!.type === 'expression_statement') {
      const asg = strip(kids(cons[0]!)[0] ?? cons[0]!);
      const c = strip(cond);
      if (asg.type === 'assignment_expression' && c.type === 'binary_expression') {
        const target = asg.childForFieldName('left');
        const value = asg.childForFieldName('right');
        const op = c.childForFieldName('operator')?.type ?? '';
        const l = c.childForFieldName('left');
        const r = c.childForFieldName('right');
        if (target && value && l && r && target.type === 'identifier' && ['<', '>', '<=', '>='].includes(op)) {
          const t = target.text;
          const v = normalise(ctx, value);
          const usesElement = identifierRefs(ctx, value, s.element.split('[')[0]!).length > 0;
          let dir: 'max' | 'min' | null = null;
          if (normalise(ctx, l) === v && normalise(ctx, r) === t) dir = op.startsWith('>') ? 'max' : 'min';
          else if (normalise(ctx, r) === v && normalise(ctx, l) === t) dir = op.startsWith('<') ? 'max' : 'min';
          if (dir && usesElement) return { builtin: dir, detail: `\`Math.${dir}(...${s.collection}${v === s.element ? '' : '.map(…)'})\`` };
        }
      }
    }
    return null;
  }
  // m = Math.max(m, E)
  const st = s.body[0]!;
  if (st.type === 'expression_statement') {
    const asg = strip(kids(st)[0] ?? st);
    if (asg.type === 'assignment_expression') {
      const target = asg.childForFieldName('left');
      const value = asg.childForFieldName('right');
      const cp = value ? callParts(value) : null;
      if (target && target.type === 'identifier' && cp && cp.receiver?.text === 'Math' && (cp.name === 'max' || cp.name === 'min') && cp.args.length === 2) {
        const t = target.text;
        if (cp.args.some((a) => normalise(ctx, a) === t) && cp.args.some((a) => identifierRefs(ctx, a, s.element.split('[')[0]!).length > 0)) {
          return { builtin: cp.name, detail: `\`Math.${cp.name}(...${s.collection})\`` };
        }
      }
    }
  }
  return null;
}

export const reimplementedBuiltin: Rule = {
  id: 'loop.reimplemented-builtin',
  languages: JS_LANGUAGES,
  create(ctx) {
    return {
      'for_in_statement, for_statement'(loop) {
        const shape = shapeOf(ctx, loop);
        if (!shape) return;
        const found = detect(ctx, shape);
        if (!found) return;
        const body = loop.childForFieldName('body') ?? loop;
        ctx.report(
          { start: { line: loop.startPosition.row, character: loop.startPosition.column }, end: { line: body.startPosition.row, character: body.startPosition.column } },
          `This loop over \`${shape.collection}\` re-implements \`${found.builtin}\``,
          `Replace the loop with ${found.detail}.`,
        );
      },
    };
  },
};
