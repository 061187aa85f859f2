const KNOWN = Array.from(['a', 'b', 'c', 'd']); // expect: loop.linear-membership-test
function isKnown(x) {
  return KNOWN.includes(x);
}
module.exports = { isKnown };
