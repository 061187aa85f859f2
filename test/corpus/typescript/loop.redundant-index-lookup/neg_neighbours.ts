export function neighbours(xs: number[]) {
  xs.forEach((x, i) => {
    console.log(x - (xs[i - 1] ?? 0));
  });
}
