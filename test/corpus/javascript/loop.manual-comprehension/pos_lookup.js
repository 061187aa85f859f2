function lookup(pairs) {
  const table = {};
  pairs.forEach(function (p) {
    table[p.key] = p.value; // expect: loop.manual-comprehension
  });
  return table;
}
