const STOP_WORDS = ['a', 'an', 'the', 'of', 'and'];
const STOP_SET = new Set(STOP_WORDS);

function once(list, x) {
  return list.indexOf(x) !== -1;
}
