// Step of two.
export function everyOther(xs: number[]) {
  for (let i = 0; i < xs.length; i += 2) {
    console.log(xs[i]);
  }
}
