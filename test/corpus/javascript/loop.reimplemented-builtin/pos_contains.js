function contains(list, target) {
  for (var i = 0; i < list.length; i++) { // expect: loop.reimplemented-builtin, loop.manual-index
    if (list[i] === target) return true;
  }
  return false;
}
