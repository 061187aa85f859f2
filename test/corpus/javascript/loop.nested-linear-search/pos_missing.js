function missing(expected, actual) {
  const out = [];
  for (const e of expected) {
    if (!actual.some((a) => a.id === e.id)) { // expect: loop.nested-linear-search
      out.push(e); // expect: loop.manual-comprehension
    }
  }
  return out;
}
