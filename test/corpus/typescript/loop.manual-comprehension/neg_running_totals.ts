// Loops that do more than fill a collection, or fill one that already had content.
interface User { id: number; name: string; active: boolean }
declare function audit(u: User): void;

// The loop reads what it has built so far.
export function runningTotals(xs: number[]) {
  const totals: number[] = [];
  for (const x of xs) {
    totals.push((totals[totals.length - 1] ?? 0) + x);
  }
  return totals;
}
