const STOP_WORDS = ['a', 'an', 'the', 'of', 'and'];
const STOP_SET = new Set(STOP_WORDS);

function keywordsFast(words) {
  return words.filter((w) => !STOP_SET.has(w));
}
