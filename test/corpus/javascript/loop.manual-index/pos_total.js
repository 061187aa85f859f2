function total(prices) {
  var sum = 0;
  for (let i = 0; i < prices.length; i += 1) { // expect: loop.manual-index
    const p = prices[i];
    sum += p;
  }
  return sum;
}
