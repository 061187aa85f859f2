function logAndCollect(xs) {
  const out = [];
  for (const x of xs) {
    console.log(x);
    out.push(x);
  }
  return out;
}
