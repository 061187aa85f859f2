class Options {
  constructor(opts) {
    this.opts = this.opts || {};
    Object.assign(this.opts, opts);
  }
}
