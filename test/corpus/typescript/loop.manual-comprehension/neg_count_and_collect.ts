// Loops that do more than fill a collection, or fill one that already had content.
interface User { id: number; name: string; active: boolean }
declare function audit(u: User): void;

// A counter is maintained alongside.
export function countAndCollect(xs: number[]) {
  const out: number[] = [];
  let count = 0;
  for (const x of xs) {
    out.push(x);
    count++;
  }
  return { out, count };
}
