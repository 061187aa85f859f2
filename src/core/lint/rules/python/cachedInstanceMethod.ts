/**
 * oop.cached-instance-method (Python): `functools.cache` / `functools.lru_cache` (with or without arguments) on an
 * instance method. The cache keys on `self`, so it keeps every instance it saw alive. Static and class methods are
 * fine. A bare `cache`/`lru_cache` counts only when imported from functools.
 */
import type { Rule } from '../../rule.js';
import { pythonClasses } from '../../python/classes.js';

const QUALIFIED = /^functools\.(cache|lru_cache)\b/;
const BARE = /^(cache|lru_cache)\b/;

export const pyCachedInstanceMethod: Rule = {
  id: 'oop.cached-instance-method',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        for (const m of cls.methodList) {
          if (m.isStatic || m.isClassMethod || !m.selfName) continue;
          m.decorators.forEach((d, i) => {
            let hit = QUALIFIED.test(d);
            if (!hit && BARE.test(d)) {
              const name = /^(\w+)/.exec(d)?.[1] ?? '';
              const node = m.decoratorNodes[i];
              const binds = node ? table.sem.bindingsOf(name, node.startIndex) : [];
              hit = binds.length > 0 && binds.every((b) => b.kind === 'import' && /\bfunctools\b/.test(ctx.textOf(b.site)));
            }
            const node = m.decoratorNodes[i];
            if (hit && node) ctx.report(node, `\`@${d}\` on method \`${cls.name}.${m.name}\` caches by \`${m.selfName}\` and keeps every instance alive`, 'Cache a module-level function, use `functools.cached_property`, or keep a per-instance cache dict.');
          });
        }
      },
    };
  },
};
