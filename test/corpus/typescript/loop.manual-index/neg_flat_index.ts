// Counter kept across nested loops.
export function flatIndex(grid: number[][]) {
  let k = 0;
  for (const row of grid) {
    for (const cell of row) {
      console.log(k, cell);
      k++;
    }
  }
}
