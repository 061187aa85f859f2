function collect(xs) {
  let a;
  const fns = [];
  for (const x of xs) {
    fns.push(() => a + x); // expect: loop.closure-captures-loop-var
  }
  a = 1;
  return fns;
}
module.exports = { collect };
