// Map iteration without destructuring.
export function set(values: Set<string>) {
  for (const v of values) {
    console.log(v);
  }
}
