export function forEachIndex(xs: number[]) {
  xs.forEach((x, i) => {
    console.log(x + xs[i]!); // expect: loop.redundant-index-lookup
  });
}
