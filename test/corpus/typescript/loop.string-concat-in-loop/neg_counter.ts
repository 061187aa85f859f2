// Numeric type annotation.
export function counter(xs: string[]) {
  let n: number = 0;
  for (const x of xs) {
    n += x.length;
  }
  return n;
}
