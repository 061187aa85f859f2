// Array mutated during the loop (length changes).
export function removeEmpty(xs: string[]) {
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] === '') {
      xs.splice(i, 1);
      i--;
    }
  }
}
