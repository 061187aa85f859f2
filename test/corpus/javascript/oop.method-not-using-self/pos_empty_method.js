class Stub {
  onEvent() {} // expect: oop.method-not-using-self
  constructor() {
    this.n = 0;
  }
  inc() {
    this.n++;
  }
}
