// C-style loops over arrays.
function printAll(items) {
  for (var i = 0; i < items.length; i++) { // expect: loop.manual-index
    console.log(items[i]);
  }
}
