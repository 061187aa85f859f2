/**
 * What kind of value an expression holds, as far as the file tells: an array, a Set, a Map, a string, a number, a
 * plain object. Evidence, strongest first: a declared type (`: string[]`, `Set<T>`), an initialiser (`[]`,
 * `new Map()`, `Object.keys(o)`, `'…'`), the result type of well-known calls (`.map()` gives an array). Anything
 * else is `unknown`, and rules that need a kind stay silent on `unknown`.
 */
import type { RuleContext } from '../rule.js';
import type { SyntaxNode } from '../syntaxMirror.js';
import { callParts, kids, memberParts, newParts, strip } from './jsNodes.js';
import { scopeTable } from './scope.js';

export type ValueKind = 'array' | 'set' | 'map' | 'string' | 'number' | 'object' | 'unknown';

/** Array methods whose result is a new array. */
const ARRAY_RESULT_METHODS = new Set(['map', 'filter', 'slice', 'concat', 'flat', 'flatMap', 'toSorted', 'toReversed', 'toSpliced', 'with']);
/** String methods whose result is a string. */
const STRING_RESULT_METHODS = new Set(['trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'padStart', 'padEnd', 'repeat', 'replace', 'replaceAll', 'substring', 'substr', 'charAt', 'normalize', 'toFixed', 'toISOString', 'toLocaleString', 'toLocaleDateString', 'toString', 'join']);

/** The kind a type annotation names (`T[]`, `Array<T>`, `Set<T>`, `string`, …). */
export function kindOfType(type: SyntaxNode | null): ValueKind {
  if (!type) return 'unknown';
  switch (type.type) {
    case 'array_type':
    case 'tuple_type':
      return 'array';
    case 'readonly_type': {
      const inner = kids(type)[0];
      return inner ? kindOfType(inner) : 'unknown';
    }
    case 'predefined_type': {
      const t = type.text;
      if (t === 'string') return 'string';
      if (t === 'number' || t === 'bigint') return 'number';
      return 'unknown';
    }
    case 'literal_type': {
      const inner = kids(type)[0];
      if (inner?.type === 'string' || inner?.type === 'template_string') return 'string';
      if (inner?.type === 'number') return 'number';
      return 'unknown';
    }
    case 'generic_type':
    case 'type_identifier': {
      const name = type.type === 'generic_type' ? (type.childForFieldName('name')?.text ?? '') : type.text;
      if (name === 'Array' || name === 'ReadonlyArray') return 'array';
      if (name === 'Set' || name === 'ReadonlySet') return 'set';
      if (name === 'Map' || name === 'ReadonlyMap') return 'map';
      if (name === 'Record') return 'object';
      return 'unknown';
    }
    case 'object_type':
      return 'object';
    case 'union_type': {
      // `string[] | undefined` is still an array where it is used as one.
      const parts = kids(type).map(kindOfType).filter((k) => k !== 'unknown');
      const first = parts[0];
      return first && parts.every((k) => k === first) && !kids(type).some((t) => t.type !== 'predefined_type' && t.type !== 'literal_type' && kindOfType(t) === 'unknown') ? first : 'unknown';
    }
    case 'parenthesized_type': {
      const inner = kids(type)[0];
      return inner ? kindOfType(inner) : 'unknown';
    }
    default:
      return 'unknown';
  }
}

/**
 * The kind of value `expr` evaluates to. `depth` bounds the chase through variable initialisers (`const b = a`).
 */
export function kindOf(ctx: RuleContext, expr: SyntaxNode, depth = 0): ValueKind {
  if (depth > 4) return 'unknown';
  const n = strip(expr);
  // `x as string[]` / `<string[]>x` declare the kind explicitly.
  if (expr.type === 'as_expression' || expr.type === 'satisfies_expression') {
    const t = kids(expr)[1];
    const k = t ? kindOfType(t) : 'unknown';
    if (k !== 'unknown') return k;
  }
  switch (n.type) {
    case 'array':
      return 'array';
    case 'string':
    case 'template_string':
      return 'string';
    case 'number':
      return 'number';
    case 'object':
      return 'object';
    case 'new_expression': {
      const np = newParts(n);
      if (!np) return 'unknown';
      if (np.ctor === 'Set' || np.ctor === 'WeakSet') return 'set';
      if (np.ctor === 'Map' || np.ctor === 'WeakMap') return 'map';
      if (np.ctor === 'Array') return 'array';
      return 'unknown';
    }
    case 'call_expression': {
      const cp = callParts(n);
      if (!cp) return 'unknown';
      if (cp.receiver && cp.receiver.type === 'identifier') {
        const r = cp.receiver.text;
        if (r === 'Object' && (cp.name === 'keys' || cp.name === 'values' || cp.name === 'entries' || cp.name === 'getOwnPropertyNames')) return 'array';
        if (r === 'Array' && (cp.name === 'from' || cp.name === 'of')) return 'array';
        if (r === 'JSON' && cp.name === 'stringify') return 'string';
      }
      if (!cp.receiver && cp.name === 'String') return 'string';
      if (!cp.receiver && cp.name === 'Number') return 'number';
      if (cp.receiver) {
        const rk = kindOf(ctx, cp.receiver, depth + 1);
        if (rk === 'array' && (ARRAY_RESULT_METHODS.has(cp.name) || cp.name === 'sort' || cp.name === 'reverse' || cp.name === 'splice')) return 'array';
        if (rk === 'string' && cp.name === 'split') return 'array';
        if (rk === 'string' && STRING_RESULT_METHODS.has(cp.name)) return 'string';
        if (cp.name === 'split' && cp.args.length > 0) return 'array';
        if (rk === 'array' && cp.name === 'join') return 'string';
      }
      return 'unknown';
    }
    case 'binary_expression': {
      const op = n.childForFieldName('operator')?.type;
      if (op === '+') {
        const l = n.childForFieldName('left');
        const r = n.childForFieldName('right');
        if ((l && kindOf(ctx, l, depth + 1) === 'string') || (r && kindOf(ctx, r, depth + 1) === 'string')) return 'string';
      }
      if (op === '-' || op === '*' || op === '/' || op === '%' || op === '**') return 'number';
      return 'unknown';
    }
    case 'identifier': {
      const table = scopeTable(ctx);
      const b = table.resolve(n);
      if (!b) return 'unknown';
      // `var x = ''; … var x = -1;` in one function: which declaration applies depends on the path.
      if (b.kind === 'var' && table.bindingsNamed(b.name).some((o) => o !== b && o.scope.startIndex === b.scope.startIndex)) return 'unknown';
      const declared = kindOfType(b.type);
      if (declared !== 'unknown') return declared;
      if (b.init && (b.kind === 'const' || b.kind === 'let' || b.kind === 'var' || b.kind === 'param')) {
        // A reassigned `let` keeps its kind only if every assignment agrees; checking the initialiser is the
        // usual case, and a reassignment to another kind is rare enough to accept.
        return kindOf(ctx, b.init, depth + 1);
      }
      return 'unknown';
    }
    case 'member_expression': {
      const m = memberParts(n);
      if (m && (m.property === 'length' || m.property === 'size')) return 'number';
      return 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** True when the expression is known to be an array. */
export function isArrayLike(ctx: RuleContext, expr: SyntaxNode): boolean {
  return kindOf(ctx, expr) === 'array';
}
