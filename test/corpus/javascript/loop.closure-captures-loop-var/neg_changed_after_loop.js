// Changed after the loop, not by it: closures reading it at call time usually want the latest value.
function collect(xs) {
  let a;
  const fns = [];
  for (const x of xs) {
    fns.push(() => a + x);
  }
  a = 1;
  return fns;
}
module.exports = { collect };
