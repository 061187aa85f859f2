// Sorting entries by value then using only keys: the value was needed for the sort.
export function topKeys(scores: Record<string, number>) {
  return Object.entries(scores).sort((a, b) => b[1] - a[1]).map(([name]) => name);
}
