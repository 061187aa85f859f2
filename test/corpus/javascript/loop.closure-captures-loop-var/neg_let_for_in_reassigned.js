function keys(obj) {
  const fns = [];
  for (let k in obj) {
    k = k.toUpperCase();
    fns.push(() => k);
  }
  return fns;
}
module.exports = { keys };
