// Index bookkeeping where direct iteration would do.
export function sum(xs: number[]) {
  let total = 0;
  for (let i = 0; i < xs.length; i++) { // expect: loop.manual-index
    total += xs[i]!;
  }
  return total;
}
