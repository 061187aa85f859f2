export function entriesAndIndex(xs: string[]) {
  for (const [i, x] of xs.entries()) {
    console.log(i, x, xs[i]); // expect: loop.redundant-index-lookup
  }
}
