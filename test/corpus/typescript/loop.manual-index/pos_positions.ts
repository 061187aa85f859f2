// Element and position both used: entries() is the enumerate of JavaScript.
export function positions(xs: string[]) {
  for (let i = 0; i < xs.length; i++) { // expect: loop.manual-index
    console.log(i, xs[i]);
  }
}
