// Stand-in for the `vscode` module so a benchmark can time require() of the bundle outside the editor. Any property
// access returns another stub; nothing is called at module load.
'use strict';
const handler = { get: (_t, prop) => (prop === '__esModule' ? false : stub), apply: () => stub, construct: () => stub };
const stub = new Proxy(function () {}, handler);
module.exports = stub;
