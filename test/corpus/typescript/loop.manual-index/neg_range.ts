// A numeric range, not an array.
export function range(n: number) {
  for (let i = 0; i < n; i++) {
    console.log(i * i);
  }
}
