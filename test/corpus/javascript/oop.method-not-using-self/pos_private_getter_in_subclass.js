// A private accessor cannot be expected by a parent, so it is judged even in a subclass (undici's
// EnvHttpProxyAgent#noProxyEnv).
const { Agent } = require('./agent');

class EnvAgent extends Agent {
  get #noProxy() { // expect: oop.method-not-using-self
    return process.env.no_proxy ?? '';
  }

  bypass() {
    return this.#noProxy !== '';
  }
}

module.exports = { EnvAgent };
