function cheapest(products) {
  return products.sort((a, b) => a.price - b.price)[0]; // expect: loop.sort-for-min-max
}
