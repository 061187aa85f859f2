function toObjectFast(pairs) {
  return Object.fromEntries(pairs);
}
