function everyPositive(xs) {
  for (const x of xs) { // expect: loop.reimplemented-builtin
    if (x <= 0) {
      return false;
    }
  }
  return true;
}
