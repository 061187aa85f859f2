// Destructuring tuples that are not key/value pairs.
export function points(pts: Array<[number, number]>) {
  for (const [x] of pts) {
    console.log(x);
  }
}
