function joinFast(left, right) {
  const byKey = new Map(right.map((r) => [r.key, r]));
  return left.map((l) => ({ ...l, match: byKey.get(l.key) }));
}
