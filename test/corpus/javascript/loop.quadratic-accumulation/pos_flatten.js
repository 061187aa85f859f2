function flatten(lists) {
  let out = [];
  for (const l of lists) out = out.concat(l); // expect: loop.quadratic-accumulation
  return out;
}
