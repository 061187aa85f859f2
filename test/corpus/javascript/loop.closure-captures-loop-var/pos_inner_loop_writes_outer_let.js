function grid(xs, ys) {
  const fns = [];
  for (const x of xs) {
    let last;
    for (const y of ys) {
      last = y;
      fns.push(() => [x, last]); // expect: loop.closure-captures-loop-var
    }
  }
  return fns;
}
module.exports = { grid };
