// The index is used only as a number (never to read the array): a counting loop, not an iteration.
declare function doMath(n: number): void;
export function calc(arr: unknown[]) {
  for (let c = 0; c < arr.length; c++) {
    doMath(c);
  }
}
