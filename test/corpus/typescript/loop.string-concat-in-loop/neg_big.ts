// Array accumulator with +=? No: a bigint counter.
export function big(xs: bigint[]) {
  let acc = 0n;
  for (const x of xs) acc += x;
  return acc;
}
