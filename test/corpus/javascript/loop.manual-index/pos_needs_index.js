function needsIndex(items) {
  for (let i = 0; i < items.length; i++) { // expect: loop.manual-index
    console.log(i + ': ' + items[i]);
  }
}
