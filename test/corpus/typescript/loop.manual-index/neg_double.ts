// Writes through the index.
export function double(xs: number[]) {
  for (let i = 0; i < xs.length; i++) {
    xs[i] = xs[i]! * 2;
  }
}
