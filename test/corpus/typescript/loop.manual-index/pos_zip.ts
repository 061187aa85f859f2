// Element and position both used: entries() is the enumerate of JavaScript.
export function zip(a: number[], b: number[]) {
  for (let i = 0; i < a.length; i++) { // expect: loop.manual-index
    console.log(a[i]! + b[i]!);
  }
}
