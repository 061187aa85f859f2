/**
 * oop.deep-inheritance for TS/JS: a class with more than seven ancestors. Ancestors are followed through the file;
 * a chain ending in a class from elsewhere counts that class as one more ancestor (its own depth is unknown, so the
 * count is a lower bound).
 */
import type { Rule } from '../../rule.js';
import { JS_LANGUAGES } from '../../js/jsNodes.js';
import { classTable } from '../../js/classes.js';

const MAX_ANCESTORS = 7;

export const deepInheritance: Rule = {
  id: 'oop.deep-inheritance',
  languages: JS_LANGUAGES,
  create(ctx) {
    const table = classTable(ctx);
    return {
      'class_declaration, class, abstract_class_declaration'(node) {
        const c = table.classOfNode(node);
        if (!c) return;
        const depth = table.depth(c) + (table.hasExternalAncestor(c) ? 1 : 0);
        if (depth <= MAX_ANCESTORS) return;
        const chain = table.ancestors(c);
        const names = chain.map((a) => a.name).slice(0, 3).join(' → ');
        ctx.report(c.node, `\`${c.name || 'This class'}\` has ${depth} ancestors (${names} → …), more than ${MAX_ANCESTORS}`, 'Flatten the hierarchy: prefer composition or merge intermediate classes that add little.');
      },
    };
  },
};
