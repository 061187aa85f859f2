function run(l) {
  for (var i = 0; i < l; i++) {
    function report() { // expect: loop.closure-captures-loop-var
      return i;
    }
    setTimeout(report);
  }
}
module.exports = { run };
