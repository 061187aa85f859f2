export function mark(arr: string[], seen: Record<string, boolean>) {
  for (let i = 0; i < arr.length; i++) { // expect: loop.manual-index
    seen[arr[i]!] = true;
  }
}
