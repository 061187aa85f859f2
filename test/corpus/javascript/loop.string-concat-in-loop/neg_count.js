function count(xs) {
  let n = 0;
  for (const x of xs) n += x.length;
  return n;
}
