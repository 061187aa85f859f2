function doubleEach(arr) {
  return arr.map(function (x, i) {
    return arr[i] * 2; // expect: loop.redundant-index-lookup
  });
}
