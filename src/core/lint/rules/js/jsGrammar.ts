/**
 * Which node types exist in which JS-family grammar. A tree-sitter query that names a node type the grammar lacks
 * fails to compile, so shared queries are assembled from the types the current grammar has.
 */
import type { GrammarId } from '../../languages.js';

const TS_ONLY = new Set([
  'abstract_class_declaration',
  'public_field_definition',
  'required_parameter',
  'optional_parameter',
  'interface_declaration',
  'type_alias_declaration',
  'satisfies_expression',
  'non_null_expression',
  'as_expression',
  'type_assertion',
  'extends_clause',
  'implements_clause',
  'abstract_method_signature',
  'method_signature',
  'construct_signature',
  'enum_declaration',
  'internal_module',
]);
const JS_ONLY = new Set(['field_definition']);
const JSX_ONLY = new Set(['jsx_expression', 'jsx_element', 'jsx_self_closing_element']);
/** `<T>x` casts do not exist in TSX (the syntax is JSX there). */
const NOT_TSX = new Set(['type_assertion']);

/** True when the grammar has a named node type. */
export function hasType(grammar: GrammarId, type: string): boolean {
  if (grammar === 'python') return false;
  if (TS_ONLY.has(type) && grammar === 'javascript') return false;
  if (JS_ONLY.has(type) && grammar !== 'javascript') return false;
  if (JSX_ONLY.has(type) && grammar === 'typescript') return false;
  if (NOT_TSX.has(type) && grammar === 'tsx') return false;
  return true;
}

/** A query alternation `[(a) (b)] @capture` over the types the grammar has. */
export function typeAlternation(grammar: GrammarId, types: readonly string[], capture: string): string {
  const present = types.filter((t) => hasType(grammar, t));
  return `[${present.map((t) => `(${t})`).join(' ')}] @${capture}`;
}

/** The subset of `types` the grammar has. */
export function presentTypes(grammar: GrammarId, types: readonly string[]): string[] {
  return types.filter((t) => hasType(grammar, t));
}
