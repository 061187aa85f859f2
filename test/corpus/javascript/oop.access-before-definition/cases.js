class Timer {
  constructor(ms) {
    this.remaining = this.total - ms; // expect: oop.access-before-definition
    this.total = ms;
  }
}

class Options {
  constructor(opts) {
    this.opts = this.opts || {};
    Object.assign(this.opts, opts);
  }
}

class Ordered {
  constructor(ms) {
    this.total = ms;
    this.remaining = this.total;
  }
  tick() {
    return this.remaining--;
  }
}

class UsesMethod {
  constructor() {
    this.id = this.nextId();
  }
  nextId() {
    return 1;
  }
}

module.exports = { Timer, Options, Ordered, UsesMethod };
