// A sort for in-place ordering followed by a lookup of the first element of a different array.
export function other(xs: number[], ys: number[]) {
  xs.sort();
  return ys[0];
}
