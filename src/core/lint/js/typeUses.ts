/**
 * The names that follow `new`, `instanceof` or `extends` in a text (comments and strings included), in ONE pass: every
 * prefix of the name token that ends at a word boundary, as `\bNAME\b` after the keyword would match it (`$` is not a
 * word character). oop.static-only-class asks it of the whole file (a class used this way is a type, not a namespace);
 * the editor's incremental re-lint asks it of a unit, since such a use in one function changes another unit's verdict.
 */
const isWordChar = (c: string | undefined): boolean => c !== undefined && /\w/.test(c);

export function namesAfterTypeKeywords(text: string): Set<string> {
  const names = new Set<string>();
  // The name is read in a lookahead, so `new extends X` still sees `extends X` (matches may overlap).
  for (const m of text.matchAll(/\b(?:new|instanceof|extends)\s+(?=([\w$]+))/g)) {
    const token = m[1] as string;
    const at = (m.index ?? 0) + m[0].length;
    for (let i = 1; i <= token.length; i++) if (isWordChar(text[at + i - 1]) !== isWordChar(text[at + i])) names.add(token.slice(0, i));
  }
  return names;
}
