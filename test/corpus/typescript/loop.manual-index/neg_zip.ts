// Two arrays indexed together.
export function zip(a: number[], b: number[]) {
  for (let i = 0; i < a.length; i++) {
    console.log(a[i]! + b[i]!);
  }
}
