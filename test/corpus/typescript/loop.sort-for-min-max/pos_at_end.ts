export function atEnd(xs: number[]) {
  return xs.toSorted((a, b) => a - b).at(-1); // expect: loop.sort-for-min-max
}
