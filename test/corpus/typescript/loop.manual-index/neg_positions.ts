// The index itself is used.
export function positions(xs: string[]) {
  for (let i = 0; i < xs.length; i++) {
    console.log(i, xs[i]);
  }
}
