class UsesMethod {
  constructor() {
    this.id = this.nextId();
  }
  nextId() {
    return 1;
  }
}
