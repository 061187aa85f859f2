// Reset on every iteration, so the string never grows across iterations.
export function resetEach(words: string[]) {
  let buf = '';
  for (const w of words) {
    buf = '';
    buf += w;
    console.log(buf);
  }
}
