function intoArg(xs, out) {
  for (const x of xs) out.push(x);
  return out;
}
