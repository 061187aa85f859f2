function squares(xs) {
  var out = [];
  for (var i = 0; i < xs.length; i++) { // expect: loop.manual-index
    out.push(xs[i] * xs[i]); // expect: loop.manual-comprehension
  }
  return out;
}
