function newest(files) {
  const sorted = files.sort((a, b) => a.mtime - b.mtime); // expect: loop.sort-for-min-max
  return sorted[sorted.length - 1];
}
