// The array element is passed with the array to a callee that needs the index later.
export function withCallback(xs: number[], cb: (x: number, i: number) => void) {
  for (let i = 0; i < xs.length; i++) {
    cb(xs[i]!, i);
  }
}
