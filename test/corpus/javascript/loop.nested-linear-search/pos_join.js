function join(left, right) {
  return left.map((l) => ({ ...l, match: right.find((r) => r.key === l.key) })); // expect: loop.nested-linear-search
}
