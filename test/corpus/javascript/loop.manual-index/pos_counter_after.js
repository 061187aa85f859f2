function counterAfter(items) {
  let index = 0; // expect: loop.manual-index
  for (const item of items) {
    render(item, index);
    index++;
  }
}
