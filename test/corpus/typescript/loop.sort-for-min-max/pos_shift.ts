export function shift(scores: { v: number }[]) {
  return scores.sort((a, b) => a.v - b.v).shift(); // expect: loop.sort-for-min-max
}
