class Stub {
  onEvent() {}
  constructor() {
    this.n = 0;
  }
  inc() {
    this.n++;
  }
}
