class Timer {
  constructor(ms) {
    this.remaining = this.total - ms; // expect: oop.access-before-definition
    this.total = ms;
  }
}
