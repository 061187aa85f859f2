function sortByValue(obj) {
  return Object.entries(obj)
    .sort(([, a], [, b]) => a - b)
    .map(([k]) => k);
}
