/**
 * oop.type-switch for TS/JS: behaviour selected by checking an object's class, three or more times over one
 * subject — `if (s instanceof A) … else if (s instanceof B) … else if (s instanceof C)`, a run of `if (s instanceof X)
 * return …;` statements, `switch (true) { case s instanceof A: … }`, or `switch (s.constructor)` /
 * `switch (s.constructor.name)` with three or more class cases. Reported at the first check.
 * Left alone: error classification (catch parameters, `*Error`/`*Exception` classes), built-in value types
 * (`Date`, `Map`, `Uint8Array`, … — normalising input, not a hierarchy), and discriminated unions on a data tag
 * (`switch (s.kind)`), which are the idiomatic TypeScript form.
 */
import type { Rule, RuleContext, RuleVisitor } from '../../rule.js';
import type { SyntaxNode } from '../../syntaxMirror.js';
import { JS_LANGUAGES, kids, statementsOf, strip } from '../../js/jsNodes.js';
import { scopeTable } from '../../js/scope.js';

const MIN_BRANCHES = 3;
const BUILTIN_TYPES = new Set(['Date', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object', 'Function', 'RegExp', 'Promise', 'String', 'Number', 'Boolean', 'Symbol', 'BigInt', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Blob', 'File', 'URL', 'URLSearchParams', 'FormData', 'Headers', 'Request', 'Response', 'Buffer', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Uint8ClampedArray', 'Element', 'HTMLElement', 'Node', 'Text', 'Event', 'Window', 'Document', 'NodeList', 'HTMLCollection']);

/** `S instanceof C` → [S text, C text]. */
function instanceofParts(ctx: RuleContext, cond: SyntaxNode): [string, string, SyntaxNode] | null {
  const c = strip(cond);
  if (c.type !== 'binary_expression' || c.childForFieldName('operator')?.type !== 'instanceof') return null;
  const l = c.childForFieldName('left');
  const r = c.childForFieldName('right');
  if (!l || !r) return null;
  return [ctx.textOf(strip(l)), ctx.textOf(strip(r)), c];
}

/** `S.constructor === C` / `S.constructor.name === 'C'` → [S, C]. */
function constructorCheck(ctx: RuleContext, cond: SyntaxNode): [string, string, SyntaxNode] | null {
  const c = strip(cond);
  if (c.type !== 'binary_expression' || !['===', '=='].includes(c.childForFieldName('operator')?.type ?? '')) return null;
  const l = c.childForFieldName('left');
  const r = c.childForFieldName('right');
  if (!l || !r) return null;
  const m = /^(.+)\.constructor(\.name)?$/.exec(ctx.textOf(strip(l)));
  if (!m) return null;
  return [m[1]!, ctx.textOf(strip(r)).replace(/^['"`]|['"`]$/g, ''), c];
}

function classCheck(ctx: RuleContext, cond: SyntaxNode): [string, string, SyntaxNode] | null {
  return instanceofParts(ctx, cond) ?? constructorCheck(ctx, cond);
}

function excluded(ctx: RuleContext, subject: string, classes: string[], at: SyntaxNode): boolean {
  if (classes.some((c) => BUILTIN_TYPES.has(c) || /(Error|Exception)$/.test(c))) return true;
  // The subject is a caught error.
  if (/^[\w$]+$/.test(subject)) {
    const b = scopeTable(ctx).resolveName(subject, at.startIndex);
    if (b && b.kind === 'catch') return true;
  }
  return new Set(classes).size < MIN_BRANCHES;
}

function report(ctx: RuleContext, first: SyntaxNode, subject: string, classes: string[]): void {
  ctx.report(first, `Behaviour is chosen by checking the class of \`${subject}\` against ${classes.length} classes (${classes.slice(0, 4).join(', ')}${classes.length > 4 ? ', …' : ''})`, `Move each branch into a method that ${classes.slice(0, 2).join('/')}… override, and call \`${subject}.method()\`.`);
}

export const typeSwitch: Rule = {
  id: 'oop.type-switch',
  languages: JS_LANGUAGES,
  create(ctx): RuleVisitor {
    // No whole-text pre-check for `instanceof`: the visitors cost less than scanning the text, which the editor's
    // re-lint of one unit would pay on every keystroke (0.2 ms in a 5,000-line file).
    const claimed = new Set<number>();
    return {
      if_statement(ifs) {
        if (claimed.has(ifs.startIndex)) return;
        // else-if chains start at an `if` that is not itself the `else` of another.
        if (ifs.parent?.type === 'else_clause') return;
        const chain: Array<[string, string, SyntaxNode]> = [];
        let cur: SyntaxNode | null = ifs;
        while (cur && cur.type === 'if_statement') {
          claimed.add(cur.startIndex);
          const cond = cur.childForFieldName('condition');
          const parts = cond ? classCheck(ctx, kids(cond)[0] ?? cond) : null;
          if (!parts) break;
          chain.push(parts);
          const alt: SyntaxNode | null = cur.childForFieldName('alternative');
          cur = alt ? (kids(alt)[0] ?? null) : null;
        }
        // A run of sibling `if (s instanceof X) return …;` statements (no else) is the same dispatch.
        const exits = (n: SyntaxNode): boolean => statementsOf(n.childForFieldName('consequence')).some((x) => x.type === 'return_statement' || x.type === 'throw_statement');
        if (chain.length === 1 && !ifs.childForFieldName('alternative') && exits(ifs)) {
          let next = ifs.nextNamedSibling;
          while (next && next.type === 'comment') next = next.nextNamedSibling;
          while (next && next.type === 'if_statement' && !next.childForFieldName('alternative') && exits(next)) {
            const cond = next.childForFieldName('condition');
            const parts = cond ? classCheck(ctx, kids(cond)[0] ?? cond) : null;
            if (!parts) break;
            chain.push(parts);
            claimed.add(next.startIndex);
            next = next.nextNamedSibling;
            while (next && next.type === 'comment') next = next.nextNamedSibling;
          }
        }
        if (chain.length < MIN_BRANCHES) return;
        const subject = chain[0]![0];
        if (!chain.every((p) => p[0] === subject)) return;
        const classes = chain.map((p) => p[1]);
        if (excluded(ctx, subject, classes, ifs)) return;
        report(ctx, chain[0]![2], subject, classes);
      },
      switch_statement(sw) {
        const value = sw.childForFieldName('value');
        const body = sw.childForFieldName('body');
        if (!value || !body) return;
        const v = ctx.textOf(strip(value));
        const cases = kids(body).filter((k) => k.type === 'switch_case');
        if (v === 'true') {
          const parts = cases.map((k) => k.childForFieldName('value')).map((x) => (x ? classCheck(ctx, x) : null));
          if (parts.length < MIN_BRANCHES || parts.some((p) => !p)) return;
          const subject = parts[0]![0];
          if (!parts.every((p) => p![0] === subject)) return;
          const classes = parts.map((p) => p![1]);
          if (excluded(ctx, subject, classes, sw)) return;
          report(ctx, parts[0]![2], subject, classes);
          return;
        }
        const m = /^(.+)\.constructor(\.name)?$/.exec(v);
        if (!m) return;
        const classes = cases.map((k) => k.childForFieldName('value')).filter((x): x is SyntaxNode => !!x).map((x) => ctx.textOf(x).replace(/^['"`]|['"`]$/g, ''));
        if (classes.length < MIN_BRANCHES || excluded(ctx, m[1]!, classes, sw)) return;
        report(ctx, sw, m[1]!, classes);
      },
    };
  },
};
