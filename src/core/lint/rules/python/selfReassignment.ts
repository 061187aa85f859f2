/**
 * oop.self-reassignment (Python): assigning to a method's `self` (or a class method's `cls`) — plain, augmented,
 * tuple, `for` or `with … as` targets. It only rebinds a local name; the object is unchanged.
 */
import type { Rule } from '../../rule.js';
import { pythonClasses } from '../../python/classes.js';

export const pySelfReassignment: Rule = {
  id: 'oop.self-reassignment',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        for (const m of cls.methodList) {
          if (!m.selfName || !m.body || !m.scope) continue;
          for (const id of table.sem.storesIn(m.body, m.selfName)) {
            if (table.sem.scopeAt(id.start) !== m.scope) continue;
            const stmt = id.node.parent?.type === 'pattern_list' ? id.node.parent.parent : id.node.parent;
            ctx.report(stmt && (stmt.type === 'assignment' || stmt.type === 'augmented_assignment') ? stmt : id.node, `\`${m.selfName}\` is reassigned in \`${cls.name}.${m.name}\`; this only rebinds a local name`, `Use a new local name, or return the new object instead of rebinding \`${m.selfName}\`.`);
          }
        }
      },
    };
  },
};
