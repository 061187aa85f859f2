/**
 * oop.deep-inheritance for TS/JS: a class with more than seven ancestors. Ancestors are followed through the file;
 * a chain ending in a class from elsewhere counts that class as one more ancestor (its own depth is unknown, so the
 * count is a lower bound).
 */
import type { Rule } from '../../rule.js';
import { JS_LANGUAGES } from './jsAst.js';
import { classTable } from './jsClasses.js';

const MAX_ANCESTORS = 7;

export const deepInheritance: Rule = {
  id: 'oop.deep-inheritance',
  languages: JS_LANGUAGES,
  check(ctx) {
    const table = classTable(ctx);
    for (const c of table.classes) {
      const chain = table.ancestors(c);
      const depth = chain.length + (table.hasExternalAncestor(c) ? 1 : 0);
      if (depth <= MAX_ANCESTORS) continue;
      const names = chain.map((a) => a.name).slice(0, 3).join(' → ');
      ctx.report(c.node, `\`${c.name || 'This class'}\` has ${depth} ancestors (${names} → …), more than ${MAX_ANCESTORS}`, 'Flatten the hierarchy: prefer composition or merge intermediate classes that add little.');
    }
  },
};
