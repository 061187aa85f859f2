function pad(n) {
  let s = '';
  while (s.length < n) s += ' '; // expect: loop.string-concat-in-loop
  return s;
}
