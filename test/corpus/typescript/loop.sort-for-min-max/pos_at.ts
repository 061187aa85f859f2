export function at(xs: number[]) {
  return xs.sort((a, b) => b - a).at(0); // expect: loop.sort-for-min-max
}
