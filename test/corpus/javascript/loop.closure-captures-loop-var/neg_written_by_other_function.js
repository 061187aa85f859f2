// Changed by another function, not by the loop.
let current = 0;
function bump() {
  current = current + 1;
}
function track(xs) {
  const fns = [];
  for (const x of xs) {
    fns.push(() => current + x);
  }
  bump();
  return fns;
}
module.exports = { track };
