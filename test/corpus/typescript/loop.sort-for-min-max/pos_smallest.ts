// Sorting everything to read one end.
export function smallest(xs: number[]) {
  return xs.sort((a, b) => a - b)[0]; // expect: loop.sort-for-min-max
}
