export function iterate(xs: string[]) {
  for (const x of xs.sort()) console.log(x);
}
