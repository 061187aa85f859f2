function index(scores) {
  const result = {};
  for (const score in scores) {
    const letters = scores[score];
    letters.split('').forEach((letter) => {
      result[letter] = score;
    });
  }
  result.__default = 6;
  return result;
}
module.exports = { index };
