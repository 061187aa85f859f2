export function upTo(arr: number[]) {
  for (let x = 0; x <= arr.length; x++) {
    console.log(arr[x]);
  }
}
