export function updateInPlace(counts: Record<string, number>) {
  for (const k in counts) {
    counts[k] += 1;
  }
}
