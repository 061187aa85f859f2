function firstNegative(xs) {
  for (const x of xs) { // expect: loop.reimplemented-builtin
    if (x < 0) return x;
  }
}
