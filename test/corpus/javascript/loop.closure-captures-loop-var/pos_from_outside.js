function fromOutside(list) {
  var current;
  var fns = [];
  for (var j = 0; j < list.length; j++) { // expect: loop.manual-index
    current = list[j];
    fns.push(function () { // expect: loop.closure-captures-loop-var
      return current;
    });
  }
  return fns;
}
