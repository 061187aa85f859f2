export function largest(xs: number[]) {
  return [...xs].sort((a, b) => a - b).pop(); // expect: loop.sort-for-min-max
}
