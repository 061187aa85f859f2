const STOP_WORDS = ['a', 'an', 'the', 'of', 'and'];
const STOP_SET = new Set(STOP_WORDS);

function unique(values) {
  const out = [];
  for (const v of values) {
    if (!out.includes(v)) out.push(v); // expect: loop.linear-membership-test
  }
  return out;
}
