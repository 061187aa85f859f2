function toObject(pairs) {
  return pairs.reduce((obj, [k, v]) => ({ ...obj, [k]: v }), {}); // expect: loop.quadratic-accumulation
}
