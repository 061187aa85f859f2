const STOP_WORDS = ['a', 'an', 'the', 'of', 'and'];
const STOP_SET = new Set(STOP_WORDS);

function keywords(words) {
  return words.filter((w) => STOP_WORDS.indexOf(w) < 0); // expect: loop.linear-membership-test
}
