// Element and position both used: entries() is the enumerate of JavaScript.
export function withCallback(xs: number[], cb: (x: number, i: number) => void) {
  for (let i = 0; i < xs.length; i++) { // expect: loop.manual-index
    cb(xs[i]!, i);
  }
}
