function timers(n) {
  for (var k = 0; k < n; k++) {
    setTimeout(() => console.log(k), 10); // expect: loop.closure-captures-loop-var
  }
}
