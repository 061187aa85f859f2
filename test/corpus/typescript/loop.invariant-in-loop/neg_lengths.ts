// Length of an unchanging array is cheap.
export function lengths(xs: number[]) {
  for (let i = 0; i < xs.length; i++) console.log(xs[i]); // expect: loop.manual-index
}
