function start(urls, get) {
  for (var i = 0; i < urls.length; i++) {
    (async function () { // expect: loop.closure-captures-loop-var
      await get(urls[i]);
    })();
  }
}
module.exports = { start };
