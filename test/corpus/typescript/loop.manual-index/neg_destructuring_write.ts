export function fill(arr: number[][]) {
  for (let i = 0; i < arr.length; i++) {
    [arr[i]] = [[1]];
  }
}
