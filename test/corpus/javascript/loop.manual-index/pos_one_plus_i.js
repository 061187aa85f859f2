function list(items) {
  for (let i = 0; i < items.length; i = 1 + i) { // expect: loop.manual-index
    console.log(items[i]);
  }
}
module.exports = { list };
