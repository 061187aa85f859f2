// Loops that do more than fill a collection, or fill one that already had content.
interface User { id: number; name: string; active: boolean }
declare function audit(u: User): void;

// Not starting from an empty collection.
export function withDefaults(extra: string[]) {
  const out = ['default'];
  for (const e of extra) {
    out.push(e);
  }
  return out;
}
