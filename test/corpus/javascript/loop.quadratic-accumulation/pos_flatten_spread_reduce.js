function flattenSpreadReduce(lists) {
  return lists.reduce(function (acc, l) {
    return [...acc, ...l]; // expect: loop.quadratic-accumulation
  }, []);
}
