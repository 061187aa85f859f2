// Index loops that need the index.
export function pairwise(xs: number[]) {
  const out: number[] = [];
  for (let i = 0; i < xs.length - 1; i++) {
    out.push(xs[i + 1]! - xs[i]!);
  }
  return out;
}
