// Sorted copy kept and returned.
export function sortedCopy(xs: number[]) {
  const s = xs.toSorted();
  console.log(s[0]);
  return s;
}
