// Sorting whose result is used as a whole.
export function ordered(xs: number[]) {
  const sorted = [...xs].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], all: sorted };
}
