class WithField {
  retries = 0;
  fail() {
    this.retries += 1;
  }
}
