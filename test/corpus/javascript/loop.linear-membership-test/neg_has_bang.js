const STOP_WORDS = ['a', 'an', 'the', 'of', 'and'];
const STOP_SET = new Set(STOP_WORDS);

function hasBang(lines) {
  return lines.filter((line) => line.includes('!'));
}
