const seen = [1, 2, 3];
function has(x) {
  return seen.includes(x);
}
seen.push(4);
module.exports = { has };
