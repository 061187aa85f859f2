function needsIndex(items) {
  for (let i = 0; i < items.length; i++) {
    console.log(i + ': ' + items[i]);
  }
}
