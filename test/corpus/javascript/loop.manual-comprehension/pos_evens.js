function evens(xs) {
  const out = [];
  for (const x of xs) {
    if (x % 2 !== 0) continue;
    out.push(x); // expect: loop.manual-comprehension
  }
  return out;
}
