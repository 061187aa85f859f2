export function reverse(xs: number[]) {
  for (let i = xs.length - 1; i >= 0; i--) {
    console.log(xs[i]);
  }
}
