class Stateful {
  constructor() {
    this.n = 0;
  }
  next() {
    return ++this.n;
  }
}
