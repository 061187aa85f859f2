export function lastElement(names: string[]) {
  const s = names.toSorted(); // expect: loop.sort-for-min-max
  return s[s.length - 1];
}
