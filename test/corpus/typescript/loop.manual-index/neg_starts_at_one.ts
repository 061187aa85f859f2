export function rest(arr: number[]) {
  for (let x = 1; x < arr.length; x++) {
    console.log(arr[x]);
  }
}
