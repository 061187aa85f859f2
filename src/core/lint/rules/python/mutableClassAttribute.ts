/**
 * oop.mutable-class-attribute (Python): a list, dict or set (literal, comprehension, or `list()`/`dict()`/`set()`/
 * `defaultdict(...)`/…) assigned in a class body, where every instance shares the one object. Not reported when
 * annotated `ClassVar`/`Final` (declared shared on purpose), for dunder names (`__slots__`, `__all__`), inside
 * `class Meta`/`Config` option classes, or in classes whose bases copy field defaults per instance (pydantic models,
 * msgspec structs, ORMs' declarative bases, Enum, TypedDict, NamedTuple).
 */
import type { Rule } from '../../rule.js';
import { pythonClasses } from '../../python/classes.js';
import { pythonSemantics } from '../../python/scope.js';

const COPYING_BASES = /(^|\.)(BaseModel|BaseSettings|Model|Struct|Schema|TypedDict|NamedTuple|Enum|IntEnum|StrEnum|Flag|IntFlag|Document|Serializer|ModelSerializer|Form|ModelForm|Base|DeclarativeBase|Protocol|SQLModel)$/;
const MUTABLE_KINDS = new Set(['list', 'dict', 'set']);

export const pyMutableClassAttribute: Rule = {
  id: 'oop.mutable-class-attribute',
  languages: ['python'],
  create(ctx) {
    const table = pythonClasses(ctx);
    const sem = pythonSemantics(ctx);
    return {
      class_definition(node) {
        const cls = table.classOfNode(node);
        if (!cls) return;
        if (cls.name === 'Meta' || cls.name === 'Config') return;
        const lineage = [cls, ...table.ancestorsOf(cls).inFile];
        if (lineage.some((c) => c.baseTexts.some((b) => COPYING_BASES.test(b.replace(/\[.*$/s, ''))))) return;
        if (cls.decorators.some((d) => /^(attr\.s|attrs|define|frozen|attr\.define|pydantic)/.test(d))) return;
        for (const [name, attrs] of cls.classAttrs) {
          if (/^__.*__$/.test(name)) continue;
          for (const attr of attrs) {
            if (!attr.value) continue;
            if (attr.annotation && /\b(ClassVar|Final)\b/.test(ctx.textOf(attr.annotation))) continue;
            // Annotated as a read-only type (Sequence, Mapping, tuple…): the author promises not to mutate it.
            if (attr.annotation && /^(typing\.|collections\.abc\.|abc\.)?(Sequence|Mapping|AbstractSet|FrozenSet|frozenset|Tuple|tuple|Iterable|Collection|Container|Reversible)\b/.test(ctx.textOf(attr.annotation))) continue;
            const kind = sem.kindOf(attr.value);
            if (!MUTABLE_KINDS.has(kind)) continue;
            // `frozenset(...)` counts as a set for membership, but it cannot be mutated: nothing is shared by accident.
            if (attr.value.type === 'call' && /^(builtins\.)?frozenset$/.test(ctx.textOf(attr.value.childForFieldName('function') ?? attr.value))) continue;
            ctx.report(attr.node, `class attribute \`${cls.name}.${name}\` is a mutable ${kind} shared by every instance`, `Create it per instance in \`__init__\` (\`self.${name} = …\`), or annotate it \`ClassVar\` if sharing is intended.`);
          }
        }
      },
    };
  },
};
