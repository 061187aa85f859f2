// Loops that do more than fill a collection, or fill one that already had content.
interface User { id: number; name: string; active: boolean }
declare function audit(u: User): void;

// Flattening with a nested loop is a different shape.
export function pairs(a: number[], b: number[]) {
  const out: Array<[number, number]> = [];
  for (const x of a) {
    for (const y of b) {
      out.push([x, y]);
    }
  }
  return out;
}
