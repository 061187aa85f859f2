export function latest(dates: Date[]) {
  const sorted = dates.slice().sort((a, b) => b.getTime() - a.getTime()); // expect: loop.sort-for-min-max
  return sorted[0];
}
