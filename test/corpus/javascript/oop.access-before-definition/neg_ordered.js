class Ordered {
  constructor(ms) {
    this.total = ms;
    this.remaining = this.total;
  }
  tick() {
    return this.remaining--;
  }
}
